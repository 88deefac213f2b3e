/**
 * A retry helper driven by Error Atlas's verdict: it retries only what the
 * classifier says is worth retrying, waits what the response asks for, and
 * otherwise backs off exponentially with full jitter, up to a cap.
 */
import { classify, type Classification, type ClassifierData } from '../classifier/index.ts';

export interface HttpResult {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export interface RetryOptions {
	/** Attempts in all, the first included. */
	attempts?: number;
	/** First backoff step and the cap, in milliseconds. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** Whether the request is safe to repeat (GET, PUT, DELETE, or a write with an idempotency key). */
	idempotent?: boolean;
	/** Injected for tests; real code uses the defaults. */
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

export class GaveUp extends Error {
	readonly last: HttpResult;
	readonly reason: string;
	constructor(last: HttpResult, reason: string) {
		super(`Gave up after status ${last.status}: ${reason}`);
		this.last = last;
		this.reason = reason;
	}
}

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base × 2^attempt)). */
export function backoffDelay(
	attempt: number,
	baseMs: number,
	capMs: number,
	random: () => number = Math.random
): number {
	return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/**
 * A 2xx is a success unless its body reports an error under it: Slack's
 * `ok:false`, GraphQL `errors`, or an Integry relay whose app answered 4xx/5xx.
 */
export function failed(response: HttpResult, verdict: Classification): boolean {
	if (response.status >= 400) return true;
	if (!verdict.envelope) return false;
	return verdict.format === 'integry' ? (verdict.status ?? 0) >= 400 : true;
}

export async function withRetries(
	send: () => Promise<HttpResult>,
	data: ClassifierData,
	options: RetryOptions = {}
): Promise<HttpResult> {
	const { attempts = 4, baseDelayMs = 500, maxDelayMs = 30_000, idempotent = false } = options;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	for (let attempt = 0; ; attempt++) {
		const response = await send();
		const verdict = classify(response, data);
		if (!failed(response, verdict)) return response;
		// `null` means "it depends": on whether repeating the request is safe.
		const retry = verdict.retryable ?? idempotent;
		if (!retry) throw new GaveUp(response, verdict.retryReason);
		if (attempt + 1 >= attempts) throw new GaveUp(response, `still failing after ${attempts} attempts`);
		const wait =
			verdict.retryAfterSeconds !== null
				? verdict.retryAfterSeconds * 1000
				: backoffDelay(attempt, baseDelayMs, maxDelayMs, options.random);
		await sleep(wait);
	}
}
