/**
 * Takes whatever was pasted apart into one response: status, headers, body.
 *
 * Accepted (SPEC §3): a raw HTTP response (`curl -i`, `curl -v` with `< `
 * prefixes, `100 Continue` or redirects before the final response, HTTP/2,
 * CRLF or LF), a body alone, a `{status, headers, body}` object, a HAR file
 * or entry. Never throws: anything unrecognised is a body.
 */
import { headerMap, type Headers } from './headers.ts';
import type { InputKind } from './result.ts';

export interface ResponseInput {
	kind: InputKind;
	status: number | null;
	headers: Headers;
	body: string;
	/** A JSON body already parsed on the way (input objects, HAR), to avoid parsing twice. */
	parsedBody?: unknown;
	/** For HAR: which entry was picked, and why. */
	note?: string;
	/** The request, where the paste shows it (a HAR entry, `curl -v`): what decides whether a retry is safe. */
	request?: { method: string; headers: Headers };
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:[ \t]+([^\r\n]*))?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toStatus(value: unknown): number | null {
	const number = typeof value === 'string' && /^\s*\d{3}\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= 100 && number <= 599 ? number : null;
}

function headersFrom(value: unknown): Map<string, string> {
	if (Array.isArray(value)) {
		// HAR: [{name, value}]
		return headerMap(
			value.flatMap((header) =>
				isRecord(header) && typeof header.name === 'string' ? [[header.name, headerText(header.value)] as const] : []
			)
		);
	}
	if (isRecord(value)) {
		return headerMap(Object.entries(value).map(([name, header]) => [name, headerText(header)] as const));
	}
	return new Map();
}

/** A header value as text: repeated values joined; anything that is not text or a number is no value. */
function headerText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return value.slice(0, 100).map(headerText).filter(Boolean).join(', ');
	return '';
}

function bodyFrom(value: unknown): { body: string; parsedBody?: unknown } {
	if (value === undefined || value === null) return { body: '' };
	if (typeof value === 'string') return { body: value };
	// A body given as JSON inside the object: keep the value, and a text form for display.
	return { body: safeStringify(value), parsedBody: value };
}

function safeStringify(value: unknown): string {
	try {
		return JSON.stringify(value, null, 2) ?? '';
	} catch {
		return '';
	}
}

function decodeBase64(text: string): string {
	try {
		const binary = atob(text);
		const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
		return new TextDecoder().decode(bytes);
	} catch {
		return text;
	}
}

/** A HAR entry's response, or null when it is not one. */
function fromHarEntry(entry: unknown): ResponseInput | null {
	if (!isRecord(entry) || !isRecord(entry.response)) return null;
	const response = entry.response;
	const content = isRecord(response.content) ? response.content : {};
	const text = typeof content.text === 'string' ? content.text : '';
	const request = isRecord(entry.request) ? entry.request : {};
	return {
		kind: 'har',
		status: toStatus(response.status),
		headers: headersFrom(response.headers),
		body: content.encoding === 'base64' ? decodeBase64(text) : text,
		...(typeof request.method === 'string'
			? { request: { method: request.method.toUpperCase(), headers: headersFrom(request.headers) } }
			: {}),
	};
}

/** The failed response of a HAR log: the first 4xx/5xx, else the last entry. */
function fromHar(log: Record<string, unknown>): ResponseInput | null {
	const entries = (Array.isArray(log.entries) ? log.entries : []).flatMap((entry: unknown) => {
		const response = fromHarEntry(entry);
		return response ? [{ entry: entry as Record<string, unknown>, response }] : [];
	});
	if (entries.length === 0) return null;
	const failedIndex = entries.findIndex(({ response }) => (response.status ?? 0) >= 400);
	const index = failedIndex >= 0 ? failedIndex : entries.length - 1;
	const { entry, response } = entries[index] as (typeof entries)[number];
	const url = isRecord(entry.request) && typeof entry.request.url === 'string' ? ` ${entry.request.url}` : '';
	const which = failedIndex >= 0 ? 'the first failed request' : 'the last request (none failed)';
	const count = entries.length === 1 ? '1 entry' : `${entries.length} entries`;
	return { ...response, note: `HAR with ${count}: classified ${which}, #${index + 1}${url}` };
}

/** `{status, headers, body}`: a response object, as opposed to a body that happens to have `status`. */
function fromResponseObject(value: Record<string, unknown>): ResponseInput | null {
	const hasShape = 'body' in value || ('headers' in value && (isRecord(value.headers) || Array.isArray(value.headers)));
	if (!hasShape) return null;
	const status = toStatus(value.status ?? value.statusCode);
	if (status === null && !('body' in value && 'headers' in value)) return null;
	return { kind: 'response-object', status, headers: headersFrom(value.headers), ...bodyFrom(value.body) };
}

/**
 * Reads a value that is already JSON: a response object, a HAR, or a body.
 * `source` is the text it was parsed from, kept as the body's text so a big
 * body is never serialised again.
 */
export function readValue(value: unknown, source?: string): ResponseInput {
	if (isRecord(value)) {
		if (isRecord(value.log)) return fromHar(value.log) ?? bodyInput(value, source);
		if (isRecord(value.response) && isRecord(value.request)) return fromHarEntry(value) ?? bodyInput(value, source);
		const response = fromResponseObject(value);
		if (response) return response;
	}
	return bodyInput(value, source);
}

function bodyInput(value: unknown, source: string | undefined): ResponseInput {
	return { kind: 'body', status: null, headers: new Map(), body: source ?? safeStringify(value), parsedBody: value };
}

/**
 * A raw HTTP exchange: keeps the last response block (after `100 Continue`
 * and redirects), with `curl -v`'s `< ` prefixes and `*`/`>` lines removed.
 */
function fromRawHttp(text: string): ResponseInput | null {
	// Only the head of a big paste can hold status lines worth reading.
	const lines = text.split(/\r?\n/);
	const verbose = lines.some((line, index) => index < 400 && line.startsWith('< HTTP/'));
	let status: number | null = null;
	let sawStatusLine = false;
	let headers: [string, string][] = [];
	let bodyStart = -1;
	let inHeaders = false;
	let method: string | undefined;
	const requestHeaders: [string, string][] = [];
	for (let index = 0; index < lines.length; index++) {
		let line = lines[index] as string;
		if (verbose) {
			// curl -v shows the request too: its method and headers say whether a retry is safe.
			if (line.startsWith('> ') && index < 2000) {
				const requestLine = /^> ([A-Z]{3,10}) \S+ HTTP\/[\d.]+$/.exec(line.trimEnd());
				if (requestLine) method = requestLine[1];
				else {
					const colon = line.indexOf(':');
					if (method && colon > 2) requestHeaders.push([line.slice(2, colon), line.slice(colon + 1)]);
				}
			}
			if (line.startsWith('* ') || line.startsWith('> ') || line === '>' || line === '*') continue;
			if (line.startsWith('{ ') || line.startsWith('} ')) continue;
			if (line.startsWith('< ') || line === '<') line = line.slice(2);
			else if (inHeaders) {
				// A body line ends the headers in verbose output.
				inHeaders = false;
				bodyStart = index;
			}
		}
		const match = STATUS_LINE.exec(line.trim());
		if (match && (inHeaders || bodyStart < 0 || isBlankUntil(lines, bodyStart, index))) {
			// A status outside 100–599 is not one: keep the response, drop the number.
			status = toStatus(Number(match[1]));
			sawStatusLine = true;
			headers = [];
			inHeaders = true;
			bodyStart = -1;
			continue;
		}
		if (!inHeaders) {
			if (!sawStatusLine && line.trim() !== '') return null;
			continue;
		}
		if (line.trim() === '') {
			inHeaders = false;
			bodyStart = index + 1;
			continue;
		}
		const colon = line.indexOf(':');
		if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1)]);
		if (index > 2000) break;
	}
	if (!sawStatusLine) return null;
	const body = bodyStart >= 0 ? lines.slice(bodyStart).join('\n') : '';
	return {
		kind: 'http-response',
		status,
		headers: headerMap(headers),
		body: verbose ? stripCurlTrailer(body) : body,
		...(method ? { request: { method, headers: headerMap(requestHeaders) } } : {}),
	};
}

/** True when the lines between a body start and a new status line are blank (a 100 Continue block). */
function isBlankUntil(lines: readonly string[], from: number, to: number): boolean {
	for (let index = from; index < to; index++) if ((lines[index] ?? '').trim() !== '') return false;
	return true;
}

function stripCurlTrailer(body: string): string {
	return body
		.split('\n')
		.filter((line) => !line.startsWith('* ') && !line.startsWith('{ ') && !line.startsWith('} '))
		.join('\n');
}

/** The entry point: any text a developer pastes. */
export function readInput(text: string): ResponseInput {
	const trimmed = text.trimStart();
	if (trimmed === '') return { kind: 'empty', status: null, headers: new Map(), body: '' };
	if (
		trimmed.startsWith('HTTP/') ||
		trimmed.startsWith('< HTTP/') ||
		trimmed.startsWith('* ') ||
		trimmed.startsWith('> ')
	) {
		const response = fromRawHttp(trimmed);
		if (response) return response;
	}
	const first = trimmed[0];
	if (first === '{' || first === '[') {
		const value = parseJson(trimmed);
		if (value !== undefined) return readValue(value, text);
	}
	return fromClientErrorLine(trimmed) ?? { kind: 'body', status: null, headers: new Map(), body: text };
}

/** How far into a line an HTTP client's prefix may run before the body it quotes. */
const CLIENT_PREFIX = 300;

/**
 * An HTTP client's error line that quotes the body: `unexpected status 403
 * Forbidden: {"code":…}`, `Error: Request failed with status code 422
 * {"errors":…}`. The JSON after the prefix is the body; a status named in
 * the prefix is the status.
 */
function fromClientErrorLine(text: string): ResponseInput | null {
	// Only the head is searched: a big text without a brace near its start is not such a line.
	const start = text.slice(0, CLIENT_PREFIX + 1).indexOf('{');
	if (start <= 0) return null;
	const prefix = text.slice(0, start);
	// A line or two of the client's words, not a log with a JSON value somewhere in it.
	if (prefix.split('\n').length > 3) return null;
	const value = parseJson(text.slice(start).trimEnd());
	if (!isRecord(value)) return null;
	const named =
		/\b(?:status(?: code)?|HTTP(?:\/\d(?:\.\d)?)?)[\s:=]*([1-5]\d\d)\b/i.exec(prefix) ??
		/\b([45]\d\d)\s+[A-Z][A-Za-z]+/.exec(prefix);
	return {
		kind: 'body',
		status: named ? toStatus(Number(named[1])) : null,
		headers: new Map(),
		body: text.slice(start),
		parsedBody: value,
		note: `an HTTP client's error line: ${named ? `the status ${named[1]} and ` : ''}the JSON body it quotes`,
	};
}

/** JSON.parse that answers `undefined` instead of throwing. */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
