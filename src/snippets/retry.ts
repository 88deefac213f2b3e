/**
 * A retry helper driven by a verdict on each response: it retries only what
 * the verdict says is worth retrying, a failure that may have been carried
 * out only when the request is safe to repeat, waits what the response asks
 * for (within a cap, plus jitter), and otherwise backs off exponentially with
 * full jitter, all within a deadline. It gives up with the last error.
 *
 * It stands alone: pass Error Atlas's classifier as `explain`
 * (`(response) => classify(response, data)`), or your own rules returning the
 * same few fields.
 */

/** What the helper reads of a verdict: the retry fields of Error Atlas's result (SPEC §3). */
export interface RetryVerdict {
	retryable: boolean | null;
	/** `always`: the request was not processed; `idempotent`: it may have been. */
	retryWhen: 'always' | 'idempotent' | null;
	retryAfterSeconds: number | null;
	retryReason: string;
	/** Set when the body reports an error under a 2xx status (Slack's `ok: false`, GraphQL `errors`, a relay). */
	envelope?: unknown;
	/** A relayed response inside this one, with the app's own status. */
	inner?: { status: number | null };
}

export interface HttpResult {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export interface RetryOptions {
	/** Attempts in all, the first included. */
	attempts?: number;
	/** First backoff step and the cap on any one wait, in milliseconds. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** The most time all the waits together may take, in milliseconds. */
	deadlineMs?: number;
	/**
	 * Whether the request is safe to repeat: GET, PUT, DELETE, or a write that
	 * carries an idempotency key created once, before the first attempt.
	 */
	idempotent?: boolean;
	/** Injected for tests; real code uses the defaults. */
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

export class GaveUp extends Error {
	/** The last response, or none when the last attempt got no response at all. */
	readonly last: HttpResult | undefined;
	readonly reason: string;
	constructor(last: HttpResult | undefined, reason: string, options?: { cause?: unknown }) {
		super(last ? `Gave up after status ${last.status}: ${reason}` : `Gave up: ${reason}`, options);
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
 * `ok:false`, GraphQL `errors`, or a relay (Integry's `network_code`) whose
 * app answered 4xx/5xx.
 */
export function failed(response: HttpResult, verdict: RetryVerdict): boolean {
	if (response.status >= 400) return true;
	if (!verdict.envelope) return false;
	const relayed = verdict.inner?.status;
	return relayed !== undefined && relayed !== null ? relayed >= 400 : true;
}

/**
 * Whether to send the same request again. A failure that may already have
 * been carried out (a 500, 502 or 504, a timeout: `retryWhen: idempotent`)
 * is retried only when repeating the request is safe.
 */
export function shouldRetry(verdict: RetryVerdict, idempotent: boolean): boolean {
	if (verdict.retryable === true) return verdict.retryWhen === 'always' || idempotent;
	return verdict.retryable === null && idempotent;
}

/**
 * A wait the server names, plus a random tenth of it (1 s to 30 s): every
 * client cut off at once is told the same time, and would all return at once.
 */
export function namedWaitMs(seconds: number, random: () => number = Math.random): number {
	const base = seconds * 1000;
	return Math.ceil(base + random() * Math.min(30_000, Math.max(1000, base / 10)));
}

export async function withRetries(
	send: () => Promise<HttpResult>,
	explain: (response: HttpResult) => RetryVerdict,
	options: RetryOptions = {}
): Promise<HttpResult> {
	const { attempts = 4, baseDelayMs = 500, maxDelayMs = 30_000, deadlineMs = 60_000, idempotent = false } = options;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		let response: HttpResult;
		try {
			response = await send();
		} catch (error) {
			// No response at all (a reset, a timeout): the request may have arrived, so only a safe one is sent again.
			if (!idempotent || attempt + 1 >= attempts) throw new GaveUp(undefined, 'no response', { cause: error });
			const wait = backoffDelay(attempt, baseDelayMs, maxDelayMs, options.random);
			if (waited + wait > deadlineMs) throw new GaveUp(undefined, 'no response before the deadline', { cause: error });
			waited += wait;
			await sleep(wait);
			continue;
		}
		const verdict = explain(response);
		if (!failed(response, verdict)) return response;
		if (!shouldRetry(verdict, idempotent)) throw new GaveUp(response, verdict.retryReason);
		if (attempt + 1 >= attempts) throw new GaveUp(response, `still failing after ${attempts} attempts`);
		const named = verdict.retryAfterSeconds;
		// A wait longer than the caps is not slept through: give up now and let the caller reschedule.
		if (named !== null && (named * 1000 > maxDelayMs || waited + named * 1000 > deadlineMs))
			throw new GaveUp(response, `the response asks to wait ${named} s, more than the limit`);
		const wait =
			named !== null
				? Math.min(namedWaitMs(named, options.random), maxDelayMs, deadlineMs - waited)
				: backoffDelay(attempt, baseDelayMs, maxDelayMs, options.random);
		if (waited + wait > deadlineMs) throw new GaveUp(response, 'still failing at the deadline');
		waited += wait;
		await sleep(wait);
	}
}
