/**
 * How long a response asks you to wait, and how fast you may go, read from
 * its headers alone: `Retry-After`; the IETF draft's current `RateLimit` and
 * `RateLimit-Policy` fields (draft-ietf-httpapi-ratelimit-headers-08 and
 * later); the earlier drafts' `RateLimit-Limit/-Remaining/-Reset`; and the
 * older `X-RateLimit-*`. For code that talks to one API and does not need the
 * full classifier. A named wait is a time before which retrying fails, not a
 * time to retry at: `retryDelayMs` adds jitter so that clients limited
 * together do not all come back in the same second.
 */

export type HeaderBag = Readonly<Record<string, string | undefined>>;

/** Header names are case-insensitive. */
export function header(headers: HeaderBag, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value?.trim();
	return undefined;
}

/** Seconds from a time in milliseconds to another, never negative, rounded up. */
const secondsBetween = (fromMs: number, toMs: number): number => Math.max(0, Math.ceil((toMs - fromMs) / 1000));

/** The response's own clock when it sent a `Date` header, else ours: a skewed local clock then does not matter. */
function reference(headers: HeaderBag, now: number): number {
	const date = Date.parse(header(headers, 'date') ?? '');
	return Number.isNaN(date) ? now : date;
}

/** `Retry-After` is delay-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`), RFC 9110 §10.2.3. */
export function parseRetryAfter(value: string, headers: HeaderBag, now: number): number | null {
	if (/^\d+$/.test(value)) return Number(value);
	const at = Date.parse(value);
	return Number.isNaN(at) ? null : secondsBetween(reference(headers, now), at);
}

/**
 * Seconds until a rate-limit window resets. `RateLimit-Reset` (IETF draft)
 * is delta seconds. `X-RateLimit-Reset` is delta seconds at some vendors and
 * a Unix time in seconds at others (GitHub): reading values above 10^9 as a
 * time is a heuristic, so check what your API documents.
 */
export function parseReset(value: string, headers: HeaderBag, now: number): number | null {
	if (!/^\d+$/.test(value)) return null;
	const number = Number(value);
	return number > 1e9 ? secondsBetween(reference(headers, now), number * 1000) : number;
}

/** One member of the `RateLimit` field: a policy's live counters. */
export interface RateLimitCounter {
	policy: string;
	/** Quota units left in the window (`r`). */
	remaining: number;
	/** Seconds until the window resets (`t`), when the server says. */
	reset?: number;
}

/**
 * The `RateLimit` field, a Structured Fields list with one member per policy:
 * `RateLimit: "default";r=50;t=30` (50 left, resets in 30 s). Members that
 * do not parse are skipped; an unknown parameter is ignored, as the draft asks.
 */
export function parseRateLimit(value: string): RateLimitCounter[] {
	const counters: RateLimitCounter[] = [];
	for (const member of value.split(',')) {
		const [name, ...parameters] = member.trim().split(';');
		const policy = /^"([^"]*)"$/.exec(name?.trim() ?? '')?.[1] ?? name?.trim();
		const values = new Map(
			parameters.map((parameter) => {
				const [key, raw] = parameter.trim().split('=');
				return [key?.trim(), raw?.trim()] as const;
			})
		);
		const remaining = values.get('r');
		const reset = values.get('t');
		if (!policy || remaining === undefined || !/^\d+$/.test(remaining)) continue;
		counters.push({
			policy,
			remaining: Number(remaining),
			...(reset !== undefined && /^\d+$/.test(reset) ? { reset: Number(reset) } : {}),
		});
	}
	return counters;
}

export interface Wait {
	seconds: number;
	/** The header the wait came from. */
	header: string;
}

/**
 * The wait a response names: `Retry-After` first, then a reset header, but
 * only when its window is used up (`Remaining` is 0 or absent). `null`
 * when the response names no wait: back off on your own schedule then.
 */
export function waitFromHeaders(headers: HeaderBag, now: number = Date.now()): Wait | null {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = parseRetryAfter(retryAfter, headers, now);
		if (seconds !== null) return { seconds, header: 'Retry-After' };
	}
	// The current draft's field: of the policies used up, the one that resets last decides.
	const used = parseRateLimit(header(headers, 'ratelimit') ?? '').filter(
		(counter) => counter.remaining === 0 && counter.reset !== undefined
	);
	if (used.length > 0) return { seconds: Math.max(...used.map((counter) => counter.reset ?? 0)), header: 'RateLimit' };
	for (const prefix of ['RateLimit', 'X-RateLimit']) {
		const reset = header(headers, `${prefix}-Reset`);
		const remaining = header(headers, `${prefix}-Remaining`);
		if (reset === undefined || (remaining !== undefined && Number(remaining) > 0)) continue;
		const seconds = parseReset(reset, headers, now);
		if (seconds !== null) return { seconds, header: `${prefix}-Reset` };
	}
	return null;
}

/**
 * Pacing before you are limited: spread the requests left in the window
 * over the time until it resets. 0 when the headers say nothing.
 */
export function paceDelayMs(headers: HeaderBag, now: number = Date.now()): number {
	// Several policies (per second, per day): the tightest one sets the pace.
	const paces = parseRateLimit(header(headers, 'ratelimit') ?? '').flatMap((counter) =>
		counter.reset === undefined
			? []
			: [counter.remaining === 0 ? counter.reset * 1000 : Math.floor((counter.reset * 1000) / counter.remaining)]
	);
	if (paces.length > 0) return Math.max(...paces);
	for (const prefix of ['RateLimit', 'X-RateLimit']) {
		const remaining = header(headers, `${prefix}-Remaining`);
		const reset = header(headers, `${prefix}-Reset`);
		if (remaining === undefined || !/^\d+$/.test(remaining) || reset === undefined) continue;
		const seconds = parseReset(reset, headers, now);
		if (seconds === null) continue;
		const left = Number(remaining);
		return left === 0 ? seconds * 1000 : Math.floor((seconds * 1000) / left);
	}
	return 0;
}

export interface RetryDelayOptions {
	/** The most you are prepared to wait, in milliseconds: a longer named wait gives `null`. */
	maxWaitMs?: number;
	random?: () => number;
}

/**
 * When to retry after a named wait, in milliseconds: the wait, plus a random
 * spread of a tenth of it (at least 1 s, at most 30 s). Every client a
 * window cut off at once is told the same reset time; without the spread
 * they all return in the same second and trip the limit again. `null` when
 * the response names no wait, or one longer than `maxWaitMs`: give up, or
 * reschedule the work, rather than hold a request open that long.
 */
export function retryDelayMs(
	headers: HeaderBag,
	now: number = Date.now(),
	{ maxWaitMs = 5 * 60_000, random = Math.random }: RetryDelayOptions = {}
): number | null {
	const wait = waitFromHeaders(headers, now);
	if (!wait) return null;
	const base = wait.seconds * 1000;
	const spread = Math.min(30_000, Math.max(1000, base / 10));
	const delay = Math.ceil(base + random() * spread);
	return delay > maxWaitMs ? null : delay;
}
