/**
 * One pass over JSON text for what `JSON.parse` cannot say: on which line
 * each member sits, so a finding can point into the pasted text, and on which
 * line the text stops being JSON, so a syntax error can too. It builds no
 * values (the value comes from `JSON.parse`). Iterative, linear, no regular
 * expressions: safe on megabytes and on deep nesting.
 */

export interface JsonSyntaxError {
	/** 1-based line in the scanned text. */
	line: number;
	message: string;
}

export interface DuplicateMember {
	pointer: string;
	line: number;
}

export interface JsonScan {
	/** Line of each recorded value by JSON pointer: an object member's name, an array element's start, `''` the root. */
	lines: Map<string, number>;
	/** The first syntax error, or null when the text is one JSON value. */
	error: JsonSyntaxError | null;
	/** Members whose name was already used in the same object (parsers disagree on which one wins). */
	duplicates: DuplicateMember[];
}

/** Deeper values are not recorded: no finding points that deep, and pointers would grow with the depth. */
const RECORD_DEPTH = 8;
const RECORD_LIMIT = 50_000;
const DUPLICATE_LIMIT = 50;

/** A JSON pointer reference token (RFC 6901 §3): `~` and `/` escaped. */
export function pointerToken(key: string): string {
	return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

interface Frame {
	array: boolean;
	/** This container's pointer; null when too deep to record. */
	pointer: string | null;
	index: number;
	keys: Set<string> | null;
}

/** Frames too deep to record: their index and keys are never read. */
const DEEP_ARRAY: Frame = { array: true, pointer: null, index: 0, keys: null };
const DEEP_OBJECT: Frame = { array: false, pointer: null, index: 0, keys: null };

type State = 'value' | 'first-value' | 'first-key' | 'key' | 'colon' | 'after';

/** Where a string starting at `start` (its opening quote) ends, or what is wrong with it. */
function scanString(text: string, start: number): number | string {
	const length = text.length;
	let index = start + 1;
	while (index < length) {
		const code = text.charCodeAt(index);
		if (code === 34) return index + 1;
		if (code === 92) {
			const escape = text[index + 1] ?? '';
			if (escape === 'u') {
				const hex = text.slice(index + 2, index + 6);
				if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return 'A \\u escape in a string needs four hex digits';
				index += 6;
				continue;
			}
			if (!'"\\/bfnrt'.includes(escape) || escape === '') return `Invalid escape \\${escape} in a string`;
			index += 2;
			continue;
		}
		if (code === 10 || code === 13) return 'A string has a raw line break: JSON strings must write it as \\n';
		if (code < 0x20) return `A string has a raw control character (U+${code.toString(16).padStart(4, '0')}): escape it`;
		index++;
	}
	return 'A string is not closed with "';
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** Where a number starting at `start` ends (RFC 8259 §6 grammar), or what is wrong with it. */
function scanNumber(text: string, start: number): number | string {
	let index = start;
	if (text.charCodeAt(index) === 45) index++;
	if (text.charCodeAt(index) === 48) index++;
	else if (isDigit(text.charCodeAt(index))) while (isDigit(text.charCodeAt(index))) index++;
	else return 'A number needs a digit after "-"';
	if (isDigit(text.charCodeAt(index))) return 'A number cannot have a leading zero';
	if (text.charCodeAt(index) === 46) {
		index++;
		if (!isDigit(text.charCodeAt(index))) return 'A number needs digits after the decimal point';
		while (isDigit(text.charCodeAt(index))) index++;
	}
	const exponent = text.charCodeAt(index);
	if (exponent === 101 || exponent === 69) {
		index++;
		const sign = text.charCodeAt(index);
		if (sign === 43 || sign === 45) index++;
		if (!isDigit(text.charCodeAt(index))) return 'A number needs digits in its exponent';
		while (isDigit(text.charCodeAt(index))) index++;
	}
	return index;
}

function unexpected(char: string): string {
	if (char === "'") return 'JSON strings and member names need double quotes, not single quotes';
	if (/^[A-Za-z_$]$/.test(char))
		return 'Unexpected word: JSON strings need double quotes, and only true, false and null are bare';
	if (char === '/') return 'JSON has no comments';
	return `Unexpected character ${JSON.stringify(char)}`;
}

export function scanJson(text: string): JsonScan {
	const lines = new Map<string, number>();
	const duplicates: DuplicateMember[] = [];
	const stack: Frame[] = [];
	const length = text.length;
	let line = 1;
	let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let state: State = 'value';
	/** The pointer of the value about to start, when recorded. */
	let next: string | null = '';

	const fail = (message: string): JsonScan => ({ lines, duplicates, error: { line, message } });
	const record = (pointer: string | null): void => {
		if (pointer !== null && lines.size < RECORD_LIMIT && !lines.has(pointer)) lines.set(pointer, line);
	};
	const childPointer = (parent: Frame, token: string): string | null =>
		parent.pointer !== null && stack.length <= RECORD_DEPTH && lines.size < RECORD_LIMIT
			? `${parent.pointer}/${token}`
			: null;

	for (;;) {
		while (index < length) {
			const code = text.charCodeAt(index);
			if (code === 10) line++;
			else if (code !== 32 && code !== 9 && code !== 13) break;
			index++;
		}
		const top = stack[stack.length - 1];
		if (index >= length) {
			if (state === 'after' && top === undefined) return { lines, duplicates, error: null };
			if (top === undefined) return fail('There is no JSON value here');
			return fail(
				`The JSON ends early: ${top.array ? 'an array is not closed with ]' : 'an object is not closed with }'}`
			);
		}
		const char = text[index] as string;

		if (state === 'colon') {
			if (char !== ':') return fail('Expected ":" after the member name');
			index++;
			state = 'value';
			continue;
		}

		if (state === 'after') {
			if (top === undefined) return fail('Unexpected text after the end of the JSON value');
			if (char === ',') {
				index++;
				if (top.array) top.index++;
				state = top.array ? 'value' : 'key';
				continue;
			}
			if (char === (top.array ? ']' : '}')) {
				index++;
				stack.pop();
				continue;
			}
			return fail(`Expected "," or "${top.array ? ']' : '}'}"${char === '"' ? ' (a comma is missing)' : ''}`);
		}

		if (state === 'first-key' || state === 'key') {
			if (char === '}') {
				if (state === 'key') return fail('Trailing comma before "}"');
				index++;
				stack.pop();
				state = 'after';
				continue;
			}
			if (char !== '"' || top === undefined)
				return fail(char === "'" ? unexpected(char) : 'Expected a member name in double quotes');
			const end = scanString(text, index);
			if (typeof end === 'string') return fail(end);
			const raw = text.slice(index + 1, end - 1);
			const key = raw.includes('\\') ? (JSON.parse(text.slice(index, end)) as string) : raw;
			next = childPointer(top, pointerToken(key));
			if (top.keys !== null) {
				if (top.keys.has(key) && next !== null && duplicates.length < DUPLICATE_LIMIT)
					duplicates.push({ pointer: next, line });
				else top.keys.add(key);
			}
			record(next);
			index = end;
			state = 'colon';
			continue;
		}

		// A value, possibly the end of an array.
		if (char === ']' && top?.array) {
			if (state === 'value') return fail('Trailing comma before "]"');
			index++;
			stack.pop();
			state = 'after';
			continue;
		}
		if (top?.array) {
			next = childPointer(top, String(top.index));
			record(next);
		} else if (top === undefined) record(next);
		if (char === '{' || char === '[') {
			const array = char === '[';
			// Past the recorded depth a frame only needs its kind: share one, so deep nesting allocates nothing.
			if (next === null) stack.push(array ? DEEP_ARRAY : DEEP_OBJECT);
			else stack.push({ array, pointer: next, index: 0, keys: array ? null : new Set() });
			index++;
			state = array ? 'first-value' : 'first-key';
			continue;
		}
		let end: number | string;
		if (char === '"') end = scanString(text, index);
		else if (char === '-' || isDigit(text.charCodeAt(index))) end = scanNumber(text, index);
		else if (text.startsWith('true', index)) end = index + 4;
		else if (text.startsWith('false', index)) end = index + 5;
		else if (text.startsWith('null', index)) end = index + 4;
		else end = unexpected(char);
		if (typeof end === 'string') return fail(end);
		index = end;
		state = 'after';
	}
}
