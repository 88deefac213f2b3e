/**
 * Masks secrets and personal data in a pasted HTTP response before the
 * playground shares it as a link, and lists what it masked so the user can
 * check before sending. Everything it removes is replaced by one marker,
 * {@link MASK}, and only the secret part goes: header names, auth schemes,
 * cookie names, JSON keys and email domains stay, so the shared case still
 * parses and still explains the error.
 *
 * Masked:
 * - values of credential headers (Authorization, Cookie, X-Api-Key, any name
 *   with token/secret/session/signature/password/credential…) in raw HTTP,
 *   curl -v (`> `/`< `), quoted `"Name: value"` strings (curl -H), JSON
 *   objects and HAR `{name, value}` arrays; the scheme word stays visible;
 * - the same names as JSON members, query parameters, form fields and
 *   `name = value` config lines (`aws_secret_access_key = …`);
 * - Bearer tokens and Basic credentials anywhere, JWTs, and keys with a
 *   well-known prefix (Stripe, GitHub, Slack, AWS key ids, Google, OpenAI);
 * - passwords in URLs (`https://user:pass@host`) and `curl -u user:pass`;
 * - the local part of email addresses: the whole local part, since even a
 *   first letter narrows down who it is, while the domain stays because it
 *   usually says which system the error is about.
 *
 * Decisions: Stripe publishable keys (pk_) are public by design but still
 * name one account, and a shared link travels further than a web page, so
 * they are masked too. Twilio Account SIDs (AC…) and API key SIDs (SK…) are
 * identifiers, not secrets, and stay; their secrets have no prefix and are
 * caught by context instead (Basic credentials, `AuthToken`, URL passwords).
 *
 * Not masked: ids of requests and errors, uuids, error codes and types, type
 * URIs, doc URLs, dates, numbers, rate-limit and content headers, and the
 * word "token" in prose: rules look for a credential's shape or for a
 * credential's name next to a value, never for the word alone.
 *
 * The text may be megabytes long and comes from anyone, so every rule is
 * linear: regular expressions have only bounded repetitions of single
 * character classes, and values are walked with plain loops. It runs the
 * same in the browser and in Node.
 */

export type MaskKind =
	| 'authorization'
	| 'cookie'
	| 'bearer-token'
	| 'basic-credentials'
	| 'api-key'
	| 'jwt'
	| 'password'
	| 'email'
	| 'secret';

export interface MaskedItem {
	kind: MaskKind;
	/** 1-based line of the masked part; masking never adds or removes lines. */
	line: number;
	/**
	 * Safe to show: names, the scheme, at most four characters of a known
	 * public prefix (`sk_l`, `ghp_`, `eyJ`), and the masked length.
	 */
	preview: string;
}

export interface MaskResult {
	text: string;
	masked: MaskedItem[];
}

/**
 * What every masked part becomes. It has no quote, backslash, semicolon,
 * ampersand or space, so JSON strings stay valid, headers stay `Name: value`
 * and query strings keep their shape; and it is outside every character
 * class below, so masking a masked text finds nothing new.
 */
export const MASK = '«masked»';

export function maskSecrets(text: string): MaskResult {
	const input = typeof text === 'string' ? text : '';
	try {
		const collector = createCollector(input);
		for (const rule of RULES) rule(collector);
		return assemble(input, collector);
	} catch {
		// Nothing here is expected to throw. If something does, share nothing rather than leak.
		return { text: MASK, masked: [{ kind: 'secret', line: 1, preview: `the whole text (${input.length} chars)` }] };
	}
}

/** `[start, end)` in the input. */
type Range = readonly [number, number];

interface Span {
	start: number;
	end: number;
	kind: MaskKind;
	preview: string;
	/** The preview without any text quoted from the input, for when that text is masked too. */
	fallback: string;
	/** Where the preview quotes the input (a header name, a scheme, an email domain). */
	quotes: readonly Range[];
}

interface Collector {
	readonly text: string;
	readonly spans: Span[];
	/**
	 * Claims `[start, end)` unless it is blank, already masked, or overlaps a
	 * part an earlier (more specific) rule claimed: rules run from the most
	 * to the least specific, so a header value is reported once, as a header.
	 */
	add(start: number, end: number, kind: MaskKind, preview: (secret: string) => string, quotes?: readonly Range[]): void;
	/** Whether any part of `range` is masked. */
	masks(range: Range): boolean;
}

function createCollector(text: string): Collector {
	const covered = new Uint8Array(text.length);
	const spans: Span[] = [];
	const masks = ([start, end]: Range): boolean => {
		for (let index = Math.max(0, start); index < end && index < text.length; index++) {
			if (covered[index] === 1) return true;
		}
		return false;
	};
	return {
		text,
		spans,
		masks,
		add(start, end, kind, preview, quotes = []) {
			[start, end] = trimRange(text, start, end);
			if (end <= start) return;
			const secret = text.slice(start, end);
			if (secret.includes(MASK) || masks([start, end])) return;
			covered.fill(1, start, end);
			spans.push({ start, end, kind, preview: preview(secret), fallback: hint(secret), quotes });
		},
	};
}

function assemble(text: string, collector: Collector): MaskResult {
	const spans = collector.spans.sort((a, b) => a.start - b.start);
	const parts: string[] = [];
	const masked: MaskedItem[] = [];
	let line = 1;
	let nextNewline = text.indexOf('\n');
	let copied = 0;
	for (const span of spans) {
		while (nextNewline !== -1 && nextNewline < span.start) {
			line++;
			nextNewline = text.indexOf('\n', nextNewline + 1);
		}
		parts.push(text.slice(copied, span.start), MASK);
		copied = span.end;
		// A preview quoting text that a later rule masked (a name glued to a key) must not show it.
		const quotesSecret = span.quotes.some((range) => collector.masks(range));
		masked.push({ kind: span.kind, line, preview: quotesSecret ? span.fallback : span.preview });
	}
	parts.push(text.slice(copied));
	return { text: parts.join(''), masked };
}

// Character classes, as lookup tables over ASCII; anything beyond ASCII is outside every table.

function asciiTable(pattern: RegExp): Uint8Array {
	const table = new Uint8Array(128);
	for (let code = 0; code < 128; code++) table[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0;
	return table;
}

function within(table: Uint8Array, code: number): boolean {
	return code < 128 && table[code] === 1;
}

const BLANK = asciiTable(/\s/);
const PARAM_NAME = asciiTable(/[A-Za-z0-9_.\-[\]]/);
/** Where an unquoted parameter value ends (space, separators, quotes, brackets, a backslash of an escape). */
const PARAM_VALUE_END = asciiTable(/[\s&#;,"'<>\\)\]}`]/);
/** RFC 6750 token68 characters, without the trailing `=` padding. */
const TOKEN68 = asciiTable(/[A-Za-z0-9\-._~+/]/);
const EMAIL_LOCAL = asciiTable(/[A-Za-z0-9._%+-]/);
const NON_ASCII_SPACE = /\s/;
const EMAIL_DOMAIN = asciiTable(/[A-Za-z0-9.-]/);
const URL_USER_END = asciiTable(/[\s/?#@:"'<>\\]/);
const URL_PASSWORD_END = asciiTable(/[\s/?#@"'<>\\]/);

const LF = 10;
const CR = 13;
const QUOTE = 34;
const APOSTROPHE = 39;
const DOT = 46;
const COLON = 58;
const SEMICOLON = 59;
const EQUALS = 61;
const AT = 64;
const BACKSLASH = 92;
const CLOSING_BRACKET = 93;
const LOWER_N = 110;

function isSpaceOrTab(code: number): boolean {
	return code === 32 || code === 9;
}

/** `text.indexOf(char, start)` that gives up at `end`: an unbounded search per match would make a rule quadratic. */
function indexWithin(text: string, char: string, start: number, end: number): number {
	const code = char.charCodeAt(0);
	for (let index = start; index < end; index++) if (text.charCodeAt(index) === code) return index;
	return -1;
}

function trimRange(text: string, start: number, end: number): [number, number] {
	while (start < end && within(BLANK, text.charCodeAt(start))) start++;
	while (end > start && within(BLANK, text.charCodeAt(end - 1))) end--;
	return [start, end];
}

/**
 * Where the content of a quoted string that starts at `start` ends: at the
 * closing quote, or at a line end so that no masked part spans lines.
 * `escaped` is for JSON inside a JSON string (a HAR body, a logged
 * payload), where the string is delimited by `\"` and `\\\"` is a quote in it.
 */
function stringEnd(text: string, start: number, quote: number, escaped: boolean): number {
	let innerEscape = false;
	let index = start;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code === LF || code === CR) return index;
		if (code === BACKSLASH) {
			const next = text.charCodeAt(index + 1);
			if (next === LF || next === CR || Number.isNaN(next)) return index;
			if (escaped) {
				if (next === quote) {
					if (!innerEscape) return index;
					innerEscape = false;
				} else innerEscape = next === BACKSLASH ? !innerEscape : false;
			}
			index += 2;
			continue;
		}
		if (code === quote) return index;
		innerEscape = false;
		index++;
	}
	return text.length;
}

// What a name says about its value.

/** Names that contain a secret word but hold metadata about the secret, not the secret. */
const NOT_SECRET_NAME =
	/(?:types?|url|uri|endpoint|expires(?:in|at)?|expired|expiry|expiration|ttl|count|tokens|length|policy|required|method|algorithm|version|name|hint|status|error|reason|message|description|detail|format|used|remaining|limit|pagetoken|nexttoken|continuationtoken|synctoken)$/;

/**
 * The kind of secret a header, JSON key, form field or parameter name
 * holds, or undefined. Names are compared without case or punctuation, so
 * `X-Api-Key`, `x_api_key` and `xApiKey` are one name.
 */
function nameKind(name: string): MaskKind | undefined {
	const known = NAME_KINDS.get(name);
	if (known !== undefined) return known === null ? undefined : known;
	const kind = readName(name);
	// Names repeat (every header line, every JSON key); a small memo keeps large inputs fast.
	if (NAME_KINDS.size >= 4096) NAME_KINDS.clear();
	NAME_KINDS.set(name, kind ?? null);
	return kind;
}

const NAME_KINDS = new Map<string, MaskKind | null>();

function readName(name: string): MaskKind | undefined {
	const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
	// CORS headers list header names (`Access-Control-Allow-Headers: Authorization`), never values.
	if (key === '' || key.startsWith('accesscontrol') || NOT_SECRET_NAME.test(key)) return undefined;
	if (key.includes('authorization')) return 'authorization';
	if (key.includes('cookie')) return 'cookie';
	if (/pass(?:word|wd|phrase)/.test(key) || key === 'pwd' || key === 'pass') return 'password';
	if (key.includes('secret')) return 'secret';
	if (/apikey|subscriptionkey|functionskey|accesskey/.test(key)) return 'api-key';
	if (/token|session|signature|credential|privatekey/.test(key) || key === 'auth') return 'secret';
	return undefined;
}

/** Known public prefixes; a preview may show up to four characters of one. */
const KNOWN_PREFIXES = [
	'sk_live_',
	'sk_test_',
	'rk_live_',
	'rk_test_',
	'pk_live_',
	'pk_test_',
	'whsec_',
	'github_pat_',
	'ghp_',
	'gho_',
	'ghu_',
	'ghs_',
	'ghr_',
	'xoxb-',
	'xoxp-',
	'xoxa-',
	'xoxo-',
	'xoxr-',
	'xoxs-',
	'xapp-',
	'AKIA',
	'ASIA',
	'AIza',
	'sk-',
	'eyJ',
];

/** `sk_l****…(107 chars)`: the known prefix (never more than four characters of it) and the length. */
function hint(secret: string): string {
	const prefix = KNOWN_PREFIXES.find((known) => secret.startsWith(known) && secret.length >= known.length + 8);
	return `${prefix === undefined ? '' : prefix.slice(0, 4)}****…(${secret.length} chars)`;
}

/** A name for a preview, unless the name itself looks like a secret (a JSON object keyed by token). */
function safeLabel(name: string): string {
	const label = name.trim();
	return label.length <= 40 && tokenKind(label) === undefined ? label : 'value';
}

// Values under a credential's name.

const SCHEME = /^([A-Za-z][A-Za-z0-9-]{0,30})[ \t]{1,20}(?=\S)/;
const SCHEME_ONLY = /^(?:bearer|basic|digest|token|negotiate|ntlm)$/i;
const COOKIE_ATTRIBUTES = new Set([
	'expires',
	'max-age',
	'domain',
	'path',
	'secure',
	'httponly',
	'samesite',
	'priority',
	'partitioned',
	'version',
	'comment',
]);

/** Masks the value in `[start, end)` if `name` is a credential's name, keeping its scheme or cookie names. */
function maskNamedValue(c: Collector, name: string, nameAt: number, start: number, end: number): void {
	const kind = nameKind(name);
	if (kind === undefined) return;
	const label = safeLabel(name);
	const nameRange: Range = [nameAt, nameAt + name.length];
	[start, end] = trimRange(c.text, start, end);
	if (kind === 'cookie') {
		maskCookies(c, label, nameRange, start, end);
		return;
	}
	if (kind === 'authorization') {
		const value = c.text.slice(start, end);
		if (SCHEME_ONLY.test(value)) return;
		const scheme = SCHEME.exec(value);
		const word = scheme?.[1];
		// A scheme is a word (`Bearer`, `AWS4-HMAC-SHA256`); digits elsewhere would be the credential itself.
		if (scheme && word !== undefined && (/^[A-Za-z-]+$/.test(word) || /^AWS4-HMAC-SHA256$/i.test(word))) {
			const preview = (secret: string): string => `${label}: ${word} ${hint(secret)}`;
			c.add(start + scheme[0].length, end, kind, preview, [nameRange, [start, start + word.length]]);
			return;
		}
	}
	c.add(start, end, kind, (secret) => `${label}: ${hint(secret)}`, [nameRange]);
}

/**
 * `Cookie: a=1; b=2` and `Set-Cookie: a=1; Path=/; HttpOnly`: each cookie's
 * value goes, names and attributes stay. HAR joins several Set-Cookie lines
 * with an escaped `\n`, which separates cookies too.
 */
function maskCookies(c: Collector, label: string, labelRange: Range, start: number, end: number): void {
	const { text } = c;
	let segment = start;
	let index = start;
	while (index < end) {
		const code = text.charCodeAt(index);
		if (code === SEMICOLON) {
			maskCookie(c, label, labelRange, segment, index);
			segment = index + 1;
		} else if (code === BACKSLASH) {
			if (text.charCodeAt(index + 1) === LOWER_N && index + 1 < end) {
				maskCookie(c, label, labelRange, segment, index);
				segment = index + 2;
			}
			index++;
		}
		index++;
	}
	maskCookie(c, label, labelRange, segment, end);
}

function maskCookie(c: Collector, label: string, labelRange: Range, start: number, end: number): void {
	if (start >= end) return;
	const equals = indexWithin(c.text, '=', start, end);
	if (equals === -1) return;
	const name = c.text.slice(start, equals).trim();
	if (COOKIE_ATTRIBUTES.has(name.toLowerCase())) return;
	const preview = (secret: string): string => `${label}: ${safeLabel(name)}=${hint(secret)}`;
	c.add(equals + 1, end, 'cookie', preview, [labelRange, [start, equals]]);
}

// Rules, from the most specific to the least.

type Rule = (c: Collector) => void;

const COOKIES_ARRAY = /"cookies"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}\[/g;
const NAME_THEN_VALUE =
	/"name"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}"([^"\\\r\n]{1,200})"[ \t\r\n]{0,40},[ \t\r\n]{0,40}"value"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}"/g;
const VALUE_MEMBER = /"value"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}"/g;
const THEN_NAME = /[ \t\r\n]{0,40},[ \t\r\n]{0,40}"name"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}"([^"\\\r\n]{1,200})"/y;

/** HAR `"cookies": [{"name": …, "value": …}]`: every value is a cookie, whatever its name. */
const maskHarCookies: Rule = (c) => {
	const { text } = c;
	COOKIES_ARRAY.lastIndex = 0;
	for (let match = COOKIES_ARRAY.exec(text); match; match = COOKIES_ARRAY.exec(text)) {
		const start = match.index + match[0].length;
		const end = arrayEnd(text, start);
		maskPairs(c, start, end, true);
		const part = text.slice(start, end);
		VALUE_MEMBER.lastIndex = 0;
		for (let value = VALUE_MEMBER.exec(part); value; value = VALUE_MEMBER.exec(part)) {
			const valueStart = start + value.index + value[0].length;
			const valueEnd = stringEnd(text, valueStart, QUOTE, false);
			c.add(valueStart, valueEnd, 'cookie', (secret) => `Cookie: ${hint(secret)}`);
			VALUE_MEMBER.lastIndex = Math.max(VALUE_MEMBER.lastIndex, valueEnd - start);
		}
		COOKIES_ARRAY.lastIndex = Math.max(COOKIES_ARRAY.lastIndex, end);
	}
};

/** Index of the `]` closing an array whose items start at `start`, skipping strings. */
function arrayEnd(text: string, start: number): number {
	let index = start;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code === QUOTE) index = stringEnd(text, index + 1, QUOTE, false) + 1;
		else if (code === CLOSING_BRACKET) return index;
		else index++;
	}
	return text.length;
}

/** HAR headers, query strings and form params: `{"name": "Authorization", "value": "…"}`, either order. */
const maskHarPairs: Rule = (c) => maskPairs(c, 0, c.text.length, false);

function maskPairs(c: Collector, from: number, to: number, cookies: boolean): void {
	const { text } = c;
	const part = from === 0 && to === text.length ? text : text.slice(from, to);
	const mask = (name: string, nameAt: number, start: number, end: number): void => {
		const preview = (secret: string): string => `Cookie: ${safeLabel(name)}=${hint(secret)}`;
		if (cookies) c.add(start, end, 'cookie', preview, [[nameAt, nameAt + name.length]]);
		else maskNamedValue(c, name, nameAt, start, end);
	};
	NAME_THEN_VALUE.lastIndex = 0;
	for (let match = NAME_THEN_VALUE.exec(part); match; match = NAME_THEN_VALUE.exec(part)) {
		const start = from + match.index + match[0].length;
		const end = stringEnd(text, start, QUOTE, false);
		mask(match[1] ?? '', from + match.index + quotedNameAt(match[0]), start, end);
		NAME_THEN_VALUE.lastIndex = Math.max(NAME_THEN_VALUE.lastIndex, end - from);
	}
	VALUE_MEMBER.lastIndex = 0;
	for (let match = VALUE_MEMBER.exec(part); match; match = VALUE_MEMBER.exec(part)) {
		const start = from + match.index + match[0].length;
		const end = stringEnd(text, start, QUOTE, false);
		THEN_NAME.lastIndex = end + 1;
		const then = THEN_NAME.exec(text);
		const name = then?.[1];
		if (then && name !== undefined) mask(name, then.index + quotedNameAt(then[0]), start, end);
		VALUE_MEMBER.lastIndex = Math.max(VALUE_MEMBER.lastIndex, end - from);
	}
}

/** Offset of the name in a `"name": "<name>"…` match: just after the first quote past the colon. */
function quotedNameAt(match: string): number {
	return match.indexOf('"', match.indexOf(':') + 1) + 1;
}

// Names up to 300 characters: a name that holds a secret (`"?token=eyJ…"`) reads the same once masked.
const DOUBLE_QUOTED_MEMBER = /(\\?)"([^"\\\r\n]{1,300})\1"[ \t]{0,20}:[ \t\r\n]{0,40}(?:\[[ \t\r\n]{0,40})?\1"/g;
const SINGLE_QUOTED_MEMBER = /'([^'\\\r\n]{1,300})'[ \t]{0,20}:[ \t\r\n]{0,40}(?:\[[ \t\r\n]{0,40})?'/g;

/**
 * JSON members `"password": "…"` (also `"Authorization": ["…"]`, and
 * `\"password\": \"…\"` in JSON held inside a JSON string), and Python or
 * JavaScript `'api_key': '…'`. Only string values: a number or null under
 * a secret's name carries nothing to hide.
 */
const maskMembers: Rule = (c) => {
	const { text } = c;
	DOUBLE_QUOTED_MEMBER.lastIndex = 0;
	for (let match = DOUBLE_QUOTED_MEMBER.exec(text); match; match = DOUBLE_QUOTED_MEMBER.exec(text)) {
		const start = match.index + match[0].length;
		const name = match[2] ?? '';
		// Other values are read on: a HAR body or a logged payload holds JSON inside a JSON string.
		if (nameKind(name) === undefined) continue;
		const escaped = match[1] === '\\';
		const end = stringEnd(text, start, QUOTE, escaped);
		maskNamedValue(c, name, match.index + (escaped ? 2 : 1), start, end);
		DOUBLE_QUOTED_MEMBER.lastIndex = Math.max(DOUBLE_QUOTED_MEMBER.lastIndex, end);
	}
	SINGLE_QUOTED_MEMBER.lastIndex = 0;
	for (let match = SINGLE_QUOTED_MEMBER.exec(text); match; match = SINGLE_QUOTED_MEMBER.exec(text)) {
		const start = match.index + match[0].length;
		const name = match[1] ?? '';
		if (nameKind(name) === undefined) continue;
		const end = stringEnd(text, start, APOSTROPHE, false);
		maskNamedValue(c, name, match.index + 1, start, end);
		SINGLE_QUOTED_MEMBER.lastIndex = Math.max(SINGLE_QUOTED_MEMBER.lastIndex, end);
	}
};

const HEADER_LINE = /^(?:[<>-][ \t]?)?[ \t]{0,40}([A-Za-z0-9_][A-Za-z0-9_.-]{0,99})[ \t]{0,4}:/gm;

/**
 * `Name: value` lines: raw HTTP, curl -v (`> Authorization: …`), and YAML or
 * JavaScript (`password: 'hunter2',`, where only the quoted part goes).
 */
const maskHeaderLines: Rule = (c) => {
	const { text } = c;
	HEADER_LINE.lastIndex = 0;
	for (let match = HEADER_LINE.exec(text); match; match = HEADER_LINE.exec(text)) {
		const name = match[1] ?? '';
		if (nameKind(name) === undefined) continue;
		const newline = text.indexOf('\n', match.index);
		const lineEnd = newline === -1 ? text.length : newline;
		const [start, end] = unquote(text, match.index + match[0].length, lineEnd);
		maskNamedValue(c, name, match.index + match[0].indexOf(name), start, end);
	}
};

/** The inside of a value that opens with a quote and closes it on the same line, else the trimmed value. */
function unquote(text: string, start: number, end: number): [number, number] {
	[start, end] = trimRange(text, start, end);
	const quote = text.charAt(start);
	if (quote === '"' || quote === "'" || quote === '`') {
		const close = indexWithin(text, quote, start + 1, end);
		if (close !== -1) return [start + 1, close];
	}
	return [start, end];
}

const QUOTED_HEADER = /(["'])([A-Za-z0-9_-]{1,100})[ \t]{0,4}:[ \t]{0,20}/g;

/** `curl -H 'Authorization: Bearer …'`, and header lists in code (`["X-Api-Key: …"]`). */
const maskQuotedHeaders: Rule = (c) => {
	const { text } = c;
	QUOTED_HEADER.lastIndex = 0;
	for (let match = QUOTED_HEADER.exec(text); match; match = QUOTED_HEADER.exec(text)) {
		const name = match[2] ?? '';
		if (nameKind(name) === undefined) continue;
		const quote = match[1] === '"' ? QUOTE : APOSTROPHE;
		const start = match.index + match[0].length;
		let end = start;
		for (; end < text.length; end++) {
			const code = text.charCodeAt(end);
			// A backslash ends the value too: masking half of an escape would break an enclosing JSON string.
			if (code === quote || code === BACKSLASH || code === LF || code === CR) break;
		}
		maskNamedValue(c, name, match.index + 1, start, end);
		QUOTED_HEADER.lastIndex = Math.max(QUOTED_HEADER.lastIndex, end);
	}
};

const CURL_USER = /(?:^|[ \t])(?:-u|--user)(?:[ \t]{1,8}|=)/gm;

/** `curl -u user:password`: the password goes; the user may be an API key, which the key rule catches. */
const maskCurlUser: Rule = (c) => {
	const { text } = c;
	CURL_USER.lastIndex = 0;
	for (let match = CURL_USER.exec(text); match; match = CURL_USER.exec(text)) {
		let start = match.index + match[0].length;
		const first = text.charCodeAt(start);
		const quote = first === QUOTE || first === APOSTROPHE ? first : undefined;
		if (quote !== undefined) start++;
		let end = start;
		for (; end < text.length; end++) {
			const code = text.charCodeAt(end);
			if (code === LF || code === CR || code === BACKSLASH) break;
			if (quote === undefined ? within(BLANK, code) : code === quote) break;
		}
		const colon = indexWithin(text, ':', start, end);
		if (colon !== -1) {
			c.add(colon + 1, end, 'basic-credentials', (secret) => `--user password: ${hint(secret)}`);
		}
	}
};

/** `scheme://user:password@host`: the password goes, the user and host stay. */
const maskUrlPasswords: Rule = (c) => {
	const { text } = c;
	for (let scheme = text.indexOf('://'); scheme !== -1; scheme = text.indexOf('://', scheme + 3)) {
		const userStart = scheme + 3;
		let index = userStart;
		while (index < text.length && index - userStart < 256 && !within(URL_USER_END, text.charCodeAt(index))) index++;
		if (text.charCodeAt(index) !== COLON) continue;
		const passwordStart = index + 1;
		let end = passwordStart;
		while (end < text.length && end - passwordStart < 1024 && !within(URL_PASSWORD_END, text.charCodeAt(end))) end++;
		if (text.charCodeAt(end) !== AT) continue;
		c.add(passwordStart, end, 'password', (secret) => `URL password: ${hint(secret)}`);
	}
};

/**
 * `name=value` with a credential's name: query strings, form bodies, env
 * and config lines (`AWS_SECRET_ACCESS_KEY = …`), CLI flags. Found from each
 * `=` by walking back over the name, so no pattern runs over long words.
 */
const maskParameters: Rule = (c) => {
	const { text } = c;
	for (let equals = text.indexOf('='); equals !== -1;) {
		let next = equals + 1;
		let nameEnd = equals;
		for (let spaces = 0; spaces < 4 && nameEnd > 0 && isSpaceOrTab(text.charCodeAt(nameEnd - 1)); spaces++) nameEnd--;
		let nameStart = nameEnd;
		while (nameStart > 0 && nameEnd - nameStart < 100 && within(PARAM_NAME, text.charCodeAt(nameStart - 1))) {
			nameStart--;
		}
		const bounded = nameStart === 0 || !within(PARAM_NAME, text.charCodeAt(nameStart - 1));
		const name = text.slice(nameStart, nameEnd);
		const kind = nameStart < nameEnd && bounded ? nameKind(name) : undefined;
		if (kind !== undefined) {
			let start = equals + 1;
			for (let spaces = 0; spaces < 4 && isSpaceOrTab(text.charCodeAt(start)); spaces++) start++;
			const first = text.charCodeAt(start);
			let end = start;
			if (first === QUOTE || first === APOSTROPHE) {
				start++;
				for (end = start; end < text.length; end++) {
					const code = text.charCodeAt(end);
					if (code === first || code === BACKSLASH || code === LF || code === CR) break;
				}
			} else if (first !== EQUALS) {
				while (end < text.length && !within(PARAM_VALUE_END, text.charCodeAt(end))) end++;
			}
			c.add(start, end, kind, (secret) => `${safeLabel(name)}=${hint(secret)}`, [[nameStart, nameEnd]]);
			next = Math.max(next, end);
		}
		equals = text.indexOf('=', next);
	}
};

const AUTH_SCHEME = /\b(bearer|basic)[ \t]{1,8}/gi;

/** `Bearer <token>` and `Basic <base64 of user:password>` wherever they appear: logs, prose, code. */
const maskAuthSchemes: Rule = (c) => {
	const { text } = c;
	AUTH_SCHEME.lastIndex = 0;
	for (let match = AUTH_SCHEME.exec(text); match; match = AUTH_SCHEME.exec(text)) {
		const scheme = match[1] ?? '';
		const start = match.index + match[0].length;
		let end = start;
		while (end < text.length && within(TOKEN68, text.charCodeAt(end))) end++;
		while (end < text.length && text.charCodeAt(end) === EQUALS) end++;
		const token = text.slice(start, end);
		const bearer = scheme.toLowerCase() === 'bearer';
		// Basic credentials end where the base64 ends; glued to more (`+To/«masked»`), they are not ones.
		const bounded = end === text.length || /[\s"',;)\]}>\\]/.test(text.charAt(end));
		if (bearer ? looksLikeCredential(token) : bounded && isBasicCredentials(token)) {
			const kind = bearer ? 'bearer-token' : 'basic-credentials';
			c.add(start, end, kind, (secret) => `${scheme} ${hint(secret)}`, [[match.index, match.index + scheme.length]]);
		}
		AUTH_SCHEME.lastIndex = Math.max(AUTH_SCHEME.lastIndex, end);
	}
};

/**
 * Whether the word after "Bearer" is a token rather than prose ("bearer
 * token", "Bearer realm=…"): long enough, and with a digit or mixed case.
 */
function looksLikeCredential(token: string): boolean {
	if (token.length < 8) return false;
	return /\d/.test(token) || (token.length >= 20 && /[a-z]/.test(token) && /[A-Z]/.test(token));
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Whether the word after "Basic" is padded base64 of printable `user:password` ("Basic authentication" is not). */
function isBasicCredentials(token: string): boolean {
	if (token.length < 4 || token.length % 4 !== 0 || !/^[A-Za-z0-9+/]{2,}={0,2}$/.test(token)) return false;
	let buffer = 0;
	let bits = 0;
	let colon = false;
	for (let index = 0; index < token.length; index++) {
		const digit = BASE64_DIGITS.indexOf(token.charAt(index));
		if (digit === -1) break;
		buffer = ((buffer << 6) | digit) & 0xfff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			const byte = (buffer >> bits) & 0xff;
			if (byte < 0x20 || byte === 0x7f) return false;
			if (byte === 0x3a) colon = true;
		}
	}
	return colon;
}

const JWS = /^eyJ[A-Za-z0-9_-]{7,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;
const JWE = /^eyJ[A-Za-z0-9_-]{7,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}$/;
const KEY_FORMATS: readonly { pattern: RegExp; kind: MaskKind }[] = [
	{ pattern: /^[spr]k_(?:live|test)_[A-Za-z0-9]{10,}$/, kind: 'api-key' },
	{ pattern: /^whsec_[A-Za-z0-9]{16,}$/, kind: 'secret' },
	{ pattern: /^gh[pousr]_[A-Za-z0-9]{20,}$/, kind: 'api-key' },
	{ pattern: /^github_pat_[A-Za-z0-9_]{20,}$/, kind: 'api-key' },
	{ pattern: /^xox[abposr]-[A-Za-z0-9-]{10,}$/, kind: 'api-key' },
	{ pattern: /^xapp-[A-Za-z0-9-]{10,}$/, kind: 'api-key' },
	{ pattern: /^A(?:KIA|SIA)[A-Z0-9]{16}$/, kind: 'api-key' },
	{ pattern: /^AIza[A-Za-z0-9_-]{30,}$/, kind: 'api-key' },
	{ pattern: /^sk-(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}$/, kind: 'api-key' },
];

/** The kind of a credential recognisable by its shape alone, or undefined. */
function tokenKind(token: string): MaskKind | undefined {
	if (JWS.test(token) || JWE.test(token)) return 'jwt';
	return KEY_FORMATS.find(({ pattern }) => pattern.test(token))?.kind;
}

/** The same formats, matched at the start of a longer run (`ghp_…_token` as a JSON key). */
const KEY_PREFIXES = KEY_FORMATS.map(({ pattern, kind }) => ({
	pattern: new RegExp(pattern.source.replace(/\$$/, '')),
	kind,
}));

/** A well-known key that a run starts with, glued to more by `_`, `-` or `.`: its length and kind. */
function keyAtStart(token: string): { length: number; kind: MaskKind } | undefined {
	for (const { pattern, kind } of KEY_PREFIXES) {
		const found = pattern.exec(token)?.[0];
		if (found && found.length < token.length && '_-.'.includes(token.charAt(found.length)))
			return { length: found.length, kind };
	}
	return undefined;
}

/** Where a well-known key may begin: a cheap scan before the full pattern is tried there. */
const KEY_START = /[spr]k_(?:live|test)_|whsec_|gh[pousr]_|github_pat_|xox[abposr]-|xapp-|A(?:KIA|SIA)|AIza|sk-/g;

/**
 * Where well-known keys begin inside a run that is not one credential: two
 * keys glued together (`sk_live_…sk_live_…`), or a key glued after a word
 * (`config_sk_live_…`). Each start is one where a full key pattern matches.
 */
function keyStarts(segment: string): number[] {
	const starts: number[] = [];
	KEY_START.lastIndex = 0;
	for (let match = KEY_START.exec(segment); match; match = KEY_START.exec(segment)) {
		const rest = segment.slice(match.index);
		if (KEY_PREFIXES.some(({ pattern }) => pattern.test(rest))) starts.push(match.index);
		KEY_START.lastIndex = match.index + 1;
	}
	return starts;
}

/** Candidate tokens: runs of key characters long enough to be a key; one pass, each run read once. */
const TOKEN_RUN = /[A-Za-z0-9_.-]{16,}/g;

/** JWTs and keys with a well-known prefix, wherever they appear. */
const maskKnownTokens: Rule = (c) => {
	const { text } = c;
	TOKEN_RUN.lastIndex = 0;
	for (let match = TOKEN_RUN.exec(text); match; match = TOKEN_RUN.exec(text)) {
		let start = match.index;
		let end = start + match[0].length;
		while (start < end && text.charCodeAt(start) === DOT) start++;
		while (end > start && text.charCodeAt(end - 1) === DOT) end--;
		const token = text.slice(start, end);
		const kind = tokenKind(token);
		if (kind !== undefined) {
			c.add(start, end, kind, (secret) => (kind === 'jwt' ? `JWT ${hint(secret)}` : hint(secret)));
			continue;
		}
		maskDottedParts(c, start, end);
	}
};

/**
 * A dotted run that is not one credential may hold several: keys have no
 * dots, so `config.sk_live_…` holds one between dots, and a JWT glued to
 * something by a dot spans three (JWS) or five (JWE) of the parts.
 */
function maskDottedParts(c: Collector, start: number, end: number): void {
	const { text } = c;
	const bounds = [start];
	for (let dot = indexWithin(text, '.', start, end); dot !== -1; dot = indexWithin(text, '.', dot + 1, end)) {
		bounds.push(dot + 1);
	}
	bounds.push(end + 1);
	const parts = bounds.length - 1;
	for (let part = 0; part < parts;) {
		const from = bounds[part] ?? end;
		if (text.startsWith('eyJ', from)) {
			const spans = [5, 3].filter((count) => part + count <= parts);
			const count = spans.find((n) => tokenKind(text.slice(from, (bounds[part + n] ?? end + 1) - 1)) === 'jwt');
			if (count !== undefined) {
				c.add(from, (bounds[part + count] ?? end + 1) - 1, 'jwt', (secret) => `JWT ${hint(secret)}`);
				part += count;
				continue;
			}
		}
		const to = (bounds[part + 1] ?? end + 1) - 1;
		const kind = to - from >= 16 ? tokenKind(text.slice(from, to)) : undefined;
		if (kind !== undefined && kind !== 'jwt') c.add(from, to, kind, hint);
		else if (to - from >= 16) {
			const segment = text.slice(from, to);
			const starts = keyStarts(segment);
			const first = starts[0];
			// Keys glued to each other or after a word cannot be told apart: mask from the first to the end.
			if (first !== undefined && (first > 0 || starts.length > 1)) c.add(from + first, to, 'api-key', hint);
			else if (first === 0) {
				// One key glued to more (`ghp_…_token` as a JSON key): mask the key, keep the rest.
				const glued = keyAtStart(segment);
				if (glued) c.add(from, from + glued.length, glued.kind, hint);
			}
		}
		part++;
	}
}

/** Email addresses: the local part goes, the domain stays. Found from each `@`, walking out. */
const maskEmails: Rule = (c) => {
	const { text } = c;
	for (let at = text.indexOf('@'); at !== -1;) {
		let start = at;
		while (start > 0 && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
		const bounded = start === 0 || !isLocalChar(text.charCodeAt(start - 1));
		while (start < at && text.charCodeAt(start) === DOT) start++;
		let end = at + 1;
		while (end < text.length && end - at <= 253 && within(EMAIL_DOMAIN, text.charCodeAt(end))) end++;
		const domain =
			domainPrefix(text.slice(at + 1, trimDomainEnd(text, at, end))) ||
			domainPrefix(text.slice(at + 1, trimDomainEnd(text, at, unmaskedUntil(c, at + 1, end))));
		if (bounded && start < at && domain !== '')
			c.add(start, at, 'email', () => `****@${domain}`, [[at + 1, at + 1 + domain.length]]);
		at = text.indexOf('@', Math.max(end, at + 1));
	}
};

/** A domain's end without the dots and hyphens that end a sentence or glue it to what follows. */
function trimDomainEnd(text: string, at: number, end: number): number {
	while (end > at + 1 && (text.charCodeAt(end - 1) === DOT || text.charAt(end - 1) === '-')) end--;
	return end;
}

/** Where the first masked character after `from` is (a key glued after a domain ends it, as its marker will). */
function unmaskedUntil(c: Collector, from: number, end: number): number {
	let index = from;
	while (index < end && !c.masks([index, index + 1])) index++;
	return index;
}

/**
 * Local-part characters, wider than RFC 5322's atoms on purpose: `_` and
 * non-ASCII letters too, so `josé@…` goes whole and an address glued to a
 * credential (or to its marker, on a second pass) is not cut in half.
 */
function isLocalChar(code: number): boolean {
	if (code < 128) return within(EMAIL_LOCAL, code) || code === 95;
	return !NON_ASCII_SPACE.test(String.fromCharCode(code));
}

/**
 * The longest run of labels at the start of `text` that makes a domain
 * (ending in a letters-only top-level label), so an address glued to what
 * follows (`jane@example.com.eyJ…`) reads the same before and after masking.
 */
function domainPrefix(text: string): string {
	let length = 0;
	let offset = 0;
	let labels = 0;
	for (const label of text.split('.')) {
		if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(label)) break;
		labels++;
		offset += label.length;
		if (labels >= 2 && /^[A-Za-z]{2,24}$/.test(label)) length = offset;
		offset++;
	}
	return text.slice(0, length);
}

const RULES: readonly Rule[] = [
	maskHarCookies,
	maskHarPairs,
	maskMembers,
	maskHeaderLines,
	maskQuotedHeaders,
	maskCurlUser,
	maskUrlPasswords,
	maskParameters,
	maskAuthSchemes,
	maskKnownTokens,
	maskEmails,
];
