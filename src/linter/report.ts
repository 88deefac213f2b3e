/**
 * Collecting findings, and the small judgements both contracts share: is
 * this a URI reference, does this message read like a stack trace, what is
 * this value called in a message.
 */
import { mediaType } from '../classifier/headers.ts';
import type { Pasted } from './pasted.ts';
import type { Finding } from './types.ts';

/** Where a finding points: a body member by JSON pointer, a header, the status, or a line. */
export type Where = { pointer: string } | { header: string } | { status: true } | { line: number | null };

export interface Reporter {
	readonly findings: Finding[];
	error(rule: string, message: string, fix: string, where: Where): void;
	warning(rule: string, message: string, fix: string, where: Where): void;
}

/** The line of a pointer, or of its nearest recorded parent: a missing member points at the object that lacks it. */
export function lineOfPointer(pasted: Pasted, pointer: string): number | null {
	let current = pointer;
	for (;;) {
		const line = pasted.body.lineOf(current);
		if (line !== null || current === '') return line;
		current = current.slice(0, current.lastIndexOf('/'));
	}
}

export function createReporter(pasted: Pasted): Reporter {
	const findings: Finding[] = [];
	const add = (severity: Finding['severity'], rule: string, message: string, fix: string, where: Where): void => {
		if ('pointer' in where) {
			findings.push({
				severity,
				rule,
				message,
				fix,
				line: lineOfPointer(pasted, where.pointer),
				pointer: where.pointer,
			});
		} else if ('header' in where) {
			findings.push({ severity, rule, message, fix, line: pasted.headerLine(where.header) ?? pasted.statusLine });
		} else if ('status' in where) {
			findings.push({ severity, rule, message, fix, line: pasted.statusLine });
		} else findings.push({ severity, rule, message, fix, line: where.line });
	};
	return {
		findings,
		error: (rule, message, fix, where) => add('error', rule, message, fix, where),
		warning: (rule, message, fix, where) => add('warning', rule, message, fix, where),
	};
}

/** A value as it would read in the pasted JSON, cut short. */
export function show(value: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The JSON type of a value, for "is a number, not a string". */
export function jsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'boolean') return 'a boolean';
	return `a ${typeof value}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function has(record: Record<string, unknown>, key: string): boolean {
	return Object.hasOwn(record, key);
}

/** RFC 3986 characters, each `%` followed by two hex digits: a plain alternation, linear. */
const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

export interface UriReference {
	valid: boolean;
	/** True when it has a scheme (`https:`, `tag:`, `urn:`): an absolute URI, not a relative reference. */
	absolute: boolean;
}

/**
 * Whether a string is a URI reference (RFC 3986 §4.1). Text before the
 * first `:` that has no `/`, `?` or `#` is a scheme, and must look like one
 * (a relative reference's first segment cannot hold a colon).
 */
export function uriReference(value: string): UriReference {
	if (value.length > 8000 || !URI_CHARACTERS.test(value)) return { valid: false, absolute: false };
	const colon = value.indexOf(':');
	const head = colon >= 0 ? value.slice(0, colon) : '';
	if (colon < 0 || /[/?#]/.test(head)) return { valid: true, absolute: false };
	return { valid: SCHEME.test(head), absolute: SCHEME.test(head) };
}

/** Signs of debugging output, each a plain pattern with no nested quantifier, run on a bounded head of the text. */
const TECHNICAL_SIGNS: readonly { pattern: RegExp; label: string }[] = [
	{ pattern: /(?:^|\n)[ \t]*at [\w$.<]/, label: 'a stack trace ("at …" frames)' },
	{ pattern: /Traceback \(most recent call last\)/, label: 'a Python traceback' },
	{ pattern: /\b[A-Z][A-Za-z]*(?:Exception|Error)\b/, label: 'an exception class name' },
	{ pattern: /\.(?:java|js|mjs|ts|py|cs|rb|go|php|kt|scala):\d/, label: 'a source file and line number' },
	{
		pattern: /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|SQLSTATE|errno)\b/,
		label: 'a system error code',
	},
	{ pattern: /^\s*[{[<]/, label: 'serialised data (JSON, XML or HTML)' },
];

/** What makes a message read as technical rather than for an end user, or null. */
export function technicalSign(value: string): string | null {
	const head = value.slice(0, 4000);
	return TECHNICAL_SIGNS.find(({ pattern }) => pattern.test(head))?.label ?? null;
}

export function contentType(pasted: Pasted): string {
	return mediaType(pasted.headers);
}
