/**
 * How long a response asks you to wait, and how fast you may go, read from
 * its headers alone: `Retry-After`, the IETF draft's `RateLimit-*` and the
 * older `X-RateLimit-*`. For code that talks to one API and does not need
 * the full classifier.
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
