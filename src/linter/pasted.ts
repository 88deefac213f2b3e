/**
 * The pasted response, split by the classifier's own reader, plus what the
 * checker needs on top: the line in the pasted text of the status, of each
 * header, and of each body member. A finding that names a line is only
 * useful if that line is where the developer sees the member.
 */
import type { Headers } from '../classifier/headers.ts';
import { readInput, type ResponseInput } from '../classifier/input.ts';
import type { InputKind } from '../classifier/result.ts';
import { scanJson, type JsonScan } from './json-scan.ts';

/** Only the head of a paste is checked: an error body past a megabyte is a finding in itself. */
export const MAX_INPUT = 1_048_576;

export interface BodySyntaxError {
	line: number | null;
	message: string;
}

export interface PastedBody {
	text: string;
	/** The parsed body; `undefined` when it is not JSON. */
	value: unknown;
	syntax: BodySyntaxError | null;
	duplicates: { pointer: string; line: number | null }[];
	/** Line in the pasted text of a body value by JSON pointer (`''` is the body itself), or null. */
	lineOf(pointer: string): number | null;
}

export interface Pasted {
	kind: InputKind;
	status: number | null;
	headers: Headers;
	/** True when the paste says what the headers were (a raw response, or an object or HAR with headers). */
	hasHead: boolean;
	/** Line of the status: the final status line, or the `status` member of a response object. */
	statusLine: number | null;
	headerLine(name: string): number | null;
	body: PastedBody;
	truncated: boolean;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+\d{3}(?:\s|$)/;

function countNewlines(text: string, from = 0, to = text.length): number {
	let count = 0;
	for (let index = text.indexOf('\n', from); index >= 0 && index < to; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function syntaxOf(scan: JsonScan, value: unknown, mapLine: (line: number) => number | null): BodySyntaxError | null {
	if (scan.error) return { line: mapLine(scan.error.line), message: scan.error.message };
	// The scanner and JSON.parse agree on valid JSON; should they ever differ, JSON.parse decides.
	return value === undefined ? { line: null, message: 'The body is not valid JSON' } : null;
}

/** A body text whose lines are lines of the paste, moved by `mapLine`. */
function textBody(text: string, parsed: unknown, mapLine: (line: number) => number | null): PastedBody {
	const value = parsed === undefined ? parse(text) : parsed;
	const scan = scanJson(text);
	return {
		text,
		value,
		syntax: syntaxOf(scan, value, mapLine),
		duplicates: scan.duplicates.map(({ pointer, line }) => ({ pointer, line: mapLine(line) })),
		lineOf: (pointer) => {
			const line = scan.lines.get(pointer);
			return line === undefined ? null : mapLine(line);
		},
	};
}

function strip(line: string, verbose: boolean): string {
	return verbose && (line.startsWith('< ') || line === '<') ? line.slice(2) : line;
}

/** A raw HTTP response: the body is the tail of the paste's lines (minus curl's `*` lines in verbose output). */
function fromHttp(text: string, response: ResponseInput, truncated: boolean): Pasted {
	const trimmed = text.trimStart();
	const lead = countNewlines(text, 0, text.length - trimmed.length);
	const lines = trimmed.split(/\r?\n/);
	const verbose = lines.some((line, index) => index < 400 && line.startsWith('< HTTP/'));
	const bodyLineCount = response.body === '' ? 0 : countNewlines(response.body) + 1;
	const bodyIndexes: number[] = [];
	for (let index = lines.length - 1; index >= 0 && bodyIndexes.length < bodyLineCount; index--) {
		const line = lines[index] as string;
		if (!verbose || !(line.startsWith('* ') || line.startsWith('{ ') || line.startsWith('} '))) bodyIndexes.push(index);
	}
	bodyIndexes.reverse();
	const bodyStart = bodyIndexes[0] ?? lines.length;

	let statusIndex = -1;
	for (let index = bodyStart - 1; index >= 0 && index >= bodyStart - 2000; index--) {
		if (STATUS_LINE.test(strip(lines[index] as string, verbose).trim())) {
			statusIndex = index;
			break;
		}
	}
	const headerLines = new Map<string, number>();
	for (let index = statusIndex + 1; statusIndex >= 0 && index < bodyStart; index++) {
		const line = strip(lines[index] as string, verbose);
		if (line.trim() === '') break;
		const colon = line.indexOf(':');
		if (colon > 0) headerLines.set(line.slice(0, colon).trim().toLowerCase(), lead + index + 1);
	}
	const mapLine = (line: number): number | null => {
		const index = bodyIndexes[line - 1];
		return index === undefined ? null : lead + index + 1;
	};
	return {
		kind: response.kind,
		status: response.status,
		headers: response.headers,
		hasHead: true,
		statusLine: statusIndex >= 0 ? lead + statusIndex + 1 : null,
		headerLine: (name) => headerLines.get(name.toLowerCase()) ?? null,
		body: textBody(response.body, response.parsedBody, mapLine),
		truncated,
	};
}

function unescapeToken(token: string): string {
	return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** A `{status, headers, body}` object or a HAR: every line comes from the outer JSON's members. */
function fromObject(text: string, response: ResponseInput, truncated: boolean): Pasted {
	const outer = scanJson(text);
	let base = '';
	if (response.kind === 'har') {
		const entry = /#(\d+)/.exec(response.note ?? '');
		base = outer.lines.has('/log') ? `/log/entries/${Number(entry?.[1] ?? 1) - 1}/response` : '/response';
	}
	const outerLine = (pointer: string): number | null => outer.lines.get(pointer) ?? null;
	const statusLine =
		response.kind === 'har' ? outerLine(`${base}/status`) : (outerLine('/status') ?? outerLine('/statusCode'));
	const headersPointer = `${base}/headers`;
	const headerLines = new Map<string, number>();
	for (const [pointer, line] of outer.lines) {
		if (!pointer.startsWith(`${headersPointer}/`)) continue;
		const token = pointer.slice(headersPointer.length + 1);
		if (!token.includes('/')) headerLines.set(unescapeToken(token).trim().toLowerCase(), line);
	}
	const bodyPointer = response.kind === 'har' ? `${base}/content/text` : '/body';
	let body: PastedBody;
	if (response.parsedBody !== undefined) {
		// The body was JSON inside the object: its members are members of the paste.
		const prefix = `${bodyPointer}/`;
		body = {
			text: response.body,
			value: response.parsedBody,
			syntax: null,
			duplicates: outer.duplicates.flatMap(({ pointer, line }) =>
				pointer.startsWith(prefix) ? [{ pointer: pointer.slice(bodyPointer.length), line }] : []
			),
			lineOf: (pointer) => outerLine(`${bodyPointer}${pointer}`),
		};
	} else {
		// A body given as a string sits on the string's line, whatever line inside it a member is on.
		const line = outerLine(bodyPointer);
		body = textBody(response.body, undefined, () => line);
	}
	return {
		kind: response.kind,
		status: response.status,
		headers: response.headers,
		hasHead: response.headers.size > 0,
		statusLine,
		headerLine: (name) =>
			headerLines.get(name.toLowerCase()) ?? (response.kind === 'har' ? outerLine(headersPointer) : null),
		body,
		truncated,
	};
}

export function readPasted(pasted: string): Pasted {
	const truncated = pasted.length > MAX_INPUT;
	const text = truncated ? pasted.slice(0, MAX_INPUT) : pasted;
	const response = readInput(text);
	if (response.kind === 'http-response') return fromHttp(text, response, truncated);
	if (response.kind === 'response-object' || response.kind === 'har') return fromObject(text, response, truncated);
	// A body alone (or nothing): its text is the paste, line for line.
	return {
		kind: response.kind,
		status: null,
		headers: response.headers,
		hasHead: false,
		statusLine: null,
		headerLine: () => null,
		body: textBody(response.kind === 'empty' ? '' : text, response.parsedBody, (line) => line),
		truncated,
	};
}
