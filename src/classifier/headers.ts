/**
 * Response headers: case-insensitive lookup, and the ones that carry meaning
 * for an error (retry timing, request ids, content type).
 */

/** Header names are case-insensitive; keep them lower-cased, last value wins. */
export type Headers = ReadonlyMap<string, string>;

export function headerMap(entries: Iterable<readonly [string, string]>): Map<string, string> {
	const map = new Map<string, string>();
	for (const [name, value] of entries) map.set(name.trim().toLowerCase(), value.trim());
	return map;
}

/** A finite non-negative number of seconds, or null. */
function seconds(value: number): number | null {
	return Number.isFinite(value) && value >= 0 ? Math.ceil(value) : null;
}

/**
 * `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). A date is
 * measured from the response's own `Date` header when it has one, so the
 * answer does not depend on when the response is read; else from `now`.
 */
export function parseRetryAfter(value: string, dateHeader: string | undefined, now: number): number | null {
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return seconds(Number(trimmed));
	if (trimmed.length > 64) return null;
	const at = Date.parse(trimmed);
	if (Number.isNaN(at)) return null;
	const from = dateHeader && trimmed.length <= 64 ? Date.parse(dateHeader) : Number.NaN;
	return seconds((at - (Number.isNaN(from) ? now : from)) / 1000);
}

/**
 * Rate-limit reset headers. `RateLimit-Reset` (IETF draft) is delta seconds;
 * `X-RateLimit-Reset` is, by vendor, delta seconds or a Unix time in seconds
 * (GitHub) or milliseconds: large values are read as times.
 */
export function parseRateLimitReset(value: string, dateHeader: string | undefined, now: number): number | null {
	const trimmed = value.trim();
	if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
	const number = Number(trimmed);
	const base = dateHeader ? Date.parse(dateHeader) : Number.NaN;
	const reference = Number.isNaN(base) ? now : base;
	if (number > 1e12) return seconds((number - reference) / 1000);
	if (number > 1e9) return seconds(number - reference / 1000);
	return seconds(number);
}

export interface RetryTiming {
	seconds: number;
	header: string;
	value: string;
}

/** The wait a response asks for, from the first header that names one. */
export function retryTiming(headers: Headers, now: number): RetryTiming | null {
	const date = headers.get('date');
	const retryAfter = headers.get('retry-after');
	if (retryAfter !== undefined) {
		const value = parseRetryAfter(retryAfter, date, now);
		if (value !== null) return { seconds: value, header: 'Retry-After', value: retryAfter };
	}
	for (const name of ['ratelimit-reset', 'x-ratelimit-reset', 'x-rate-limit-reset']) {
		const raw = headers.get(name);
		if (raw === undefined) continue;
		// Only a reset of an exhausted limit is a wait; a reset of a limit with room left is not.
		const remaining = headers.get(name.replace('reset', 'remaining'));
		if (remaining !== undefined && Number(remaining) > 0) continue;
		const value = parseRateLimitReset(raw, date, now);
		if (value !== null) return { seconds: value, header: name, value: raw };
	}
	return null;
}

const REQUEST_ID_HEADERS = [
	'x-request-id',
	'request-id',
	'x-amzn-requestid',
	'x-amz-request-id',
	'x-github-request-id',
	'x-ms-request-id',
	'request-id',
	'x-correlation-id',
	'x-hubspot-correlation-id',
	'cf-ray',
	'x-trace-id',
	'x-cloud-trace-context',
	'traceparent',
];

export function requestIdHeader(headers: Headers): { header: string; value: string } | null {
	for (const name of REQUEST_ID_HEADERS) {
		const value = headers.get(name);
		if (value) return { header: name, value };
	}
	return null;
}

export function mediaType(headers: Headers): string {
	return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
