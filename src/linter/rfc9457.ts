/**
 * RFC 9457 (Problem Details for HTTP APIs) as a checklist. Rule ids carry
 * the section that states the requirement, so a finding can be looked up.
 */
import { bodyObject } from './body.ts';
import type { Pasted } from './pasted.ts';
import { pointerToken } from './json-scan.ts';
import { contentType, has, jsonType, show, technicalSign, uriReference, type Reporter } from './report.ts';

const STANDARD_MEMBERS = new Set(['type', 'status', 'title', 'detail', 'instance']);

/** §4: SHOULD start with a letter, use only ALPHA, DIGIT and "_", and be three characters or longer. */
const EXTENSION_NAME = /^[A-Za-z][A-Za-z0-9_]{2,}$/;

/** RFC 9110 §15 reason phrases (and their older spellings): what an about:blank title should say (§4.2.1). */
const REASON_PHRASES: Readonly<Record<number, readonly string[]>> = {
	400: ['Bad Request'],
	401: ['Unauthorized'],
	402: ['Payment Required'],
	403: ['Forbidden'],
	404: ['Not Found'],
	405: ['Method Not Allowed'],
	406: ['Not Acceptable'],
	407: ['Proxy Authentication Required'],
	408: ['Request Timeout'],
	409: ['Conflict'],
	410: ['Gone'],
	411: ['Length Required'],
	412: ['Precondition Failed'],
	413: ['Content Too Large', 'Payload Too Large', 'Request Entity Too Large'],
	414: ['URI Too Long', 'Request-URI Too Long'],
	415: ['Unsupported Media Type'],
	416: ['Range Not Satisfiable', 'Requested Range Not Satisfiable'],
	417: ['Expectation Failed'],
	421: ['Misdirected Request'],
	422: ['Unprocessable Content', 'Unprocessable Entity'],
	423: ['Locked'],
	424: ['Failed Dependency'],
	426: ['Upgrade Required'],
	428: ['Precondition Required'],
	429: ['Too Many Requests'],
	431: ['Request Header Fields Too Large'],
	451: ['Unavailable For Legal Reasons'],
	500: ['Internal Server Error'],
	501: ['Not Implemented'],
	502: ['Bad Gateway'],
	503: ['Service Unavailable'],
	504: ['Gateway Timeout'],
	505: ['HTTP Version Not Supported'],
	507: ['Insufficient Storage'],
	511: ['Network Authentication Required'],
};

function checkMediaType(pasted: Pasted, out: Reporter): void {
	// A body alone says nothing about its headers.
	if (!pasted.hasHead) return;
	const type = contentType(pasted);
	if (type === 'application/problem+json') return;
	const fix = 'Send the header `Content-Type: application/problem+json`.';
	if (type === 'application/json') {
		out.warning(
			'rfc9457-3-media-type',
			'Content-Type is application/json: generic clients will not recognise the body as problem details.',
			fix,
			{ header: 'content-type' }
		);
	} else if (type === '') {
		out.error('rfc9457-3-media-type', 'The response has no Content-Type header.', fix, { header: 'content-type' });
	} else {
		out.error('rfc9457-3-media-type', `Content-Type is ${type}, not application/problem+json.`, fix, {
			header: 'content-type',
		});
	}
}

function checkStatusClass(pasted: Pasted, out: Reporter): void {
	const { status } = pasted;
	if (status === null || status >= 400) return;
	out.warning(
		'rfc9457-3-status-class',
		`The HTTP status is ${status}, but the body describes a problem: clients that only look at the status will treat this as ${status < 300 ? 'a success' : 'not an error'}.`,
		'Answer with the 4xx or 5xx status that fits the problem, and repeat it in `status`.',
		{ status: true }
	);
}

/** Checks `type`; answers the problem type in effect (a member of the wrong JSON type is ignored, §3.1). */
function checkType(body: Record<string, unknown>, out: Reporter): string {
	if (!has(body, 'type')) {
		out.warning(
			'rfc9457-3.1.1-type-absent',
			'There is no `type`, so the problem type is "about:blank": the problem means no more than its HTTP status.',
			'Add `type` with an absolute URI that resolves to documentation of this problem (e.g. "https://api.example.com/problems/out-of-credit").',
			{ pointer: '' }
		);
		return 'about:blank';
	}
	const type = body.type;
	if (typeof type !== 'string') {
		out.error(
			'rfc9457-3.1.1-type',
			`\`type\` is ${jsonType(type)} (${show(type)}); a member of the wrong JSON type MUST be ignored, so consumers read this problem as "about:blank".`,
			'Make `type` a JSON string holding a URI reference.',
			{ pointer: '/type' }
		);
		return 'about:blank';
	}
	const uri = uriReference(type);
	if (!uri.valid) {
		out.warning(
			'rfc9457-3.1.1-type',
			`\`type\` ${show(type)} is not a URI reference.`,
			'Use a URI that identifies the problem type and resolves to its documentation; percent-encode spaces and other characters outside RFC 3986.',
			{ pointer: '/type' }
		);
	} else if (!uri.absolute && !type.startsWith('/')) {
		out.warning(
			'rfc9457-3.1.1-type',
			`\`type\` ${show(type)} is a relative URI without a full path: it resolves differently for every request URL.`,
			'Use an absolute URI, or at least a full path such as "/problems/out-of-credit".',
			{ pointer: '/type' }
		);
	}
	return type;
}

/** Checks `status`; answers the status the body claims, when usable. */
function checkStatus(pasted: Pasted, body: Record<string, unknown>, out: Reporter): number | null {
	if (!has(body, 'status')) return null;
	const status = body.status;
	if (typeof status !== 'number') {
		out.error(
			'rfc9457-3.1.2-status',
			`\`status\` is ${jsonType(status)} (${show(status)}), not a JSON number, so consumers MUST ignore it.`,
			typeof status === 'string' && /^\d{3}$/.test(status.trim())
				? `Send the number without quotes: "status": ${status.trim()}.`
				: 'Send the HTTP status code as a JSON number, e.g. "status": 400.',
			{ pointer: '/status' }
		);
		return null;
	}
	if (!Number.isInteger(status) || status < 100 || status > 599) {
		out.error(
			'rfc9457-3.1.2-status',
			`\`status\` ${show(status)} is not an HTTP status code (a whole number from 100 to 599).`,
			'Send the status code of the response itself.',
			{ pointer: '/status' }
		);
		return null;
	}
	if (pasted.status !== null && pasted.status !== status) {
		out.error(
			'rfc9457-3.1.2-status-mismatch',
			`\`status\` says ${status} but the response's HTTP status is ${pasted.status}${pasted.statusLine === null ? '' : ` (line ${pasted.statusLine})`}; generators MUST use the same status in the response.`,
			`Set the HTTP status to ${status}, or \`status\` to ${pasted.status}; derive both from one value.`,
			{ pointer: '/status' }
		);
	}
	return status;
}

function checkTitle(body: Record<string, unknown>, type: string, status: number | null, out: Reporter): void {
	const blank = type === 'about:blank';
	if (!has(body, 'title')) {
		if (!blank) {
			out.warning(
				'rfc9457-3.1.3-title',
				'There is no `title`: readers who cannot look up the type URI get no summary of the problem type.',
				'Add a short `title` that names the problem type and stays the same for every occurrence.',
				{ pointer: '' }
			);
		}
		return;
	}
	const title = body.title;
	if (typeof title !== 'string') {
		out.error(
			'rfc9457-3.1.3-title',
			`\`title\` is ${jsonType(title)} (${show(title)}), not a string, so consumers MUST ignore it.`,
			'Make `title` a short human-readable string.',
			{ pointer: '/title' }
		);
		return;
	}
	const phrases = blank && status !== null ? REASON_PHRASES[status] : undefined;
	const wanted = phrases?.[0];
	if (phrases && wanted && !phrases.some((phrase) => phrase.toLowerCase() === title.trim().toLowerCase())) {
		out.warning(
			'rfc9457-4.2.1-about-blank-title',
			`The type is "about:blank", so \`title\` should be the status phrase "${wanted}", not ${show(title)}.`,
			`Use "title": "${wanted}" (or its translation), or give the problem its own \`type\` URI if it means more than the status.`,
			{ pointer: '/title' }
		);
	}
}

function checkDetail(body: Record<string, unknown>, out: Reporter): void {
	if (!has(body, 'detail')) return;
	const detail = body.detail;
	if (typeof detail !== 'string') {
		out.error(
			'rfc9457-3.1.4-detail',
			`\`detail\` is ${jsonType(detail)} (${show(detail)}), not a string, so consumers MUST ignore it.`,
			'Make `detail` a human-readable sentence about this occurrence; put structured data in extension members.',
			{ pointer: '/detail' }
		);
		return;
	}
	const sign = technicalSign(detail);
	if (sign) {
		out.warning(
			'rfc9457-3.1.4-detail',
			`\`detail\` looks like ${sign}: it should help the client correct the problem, not debug the server, and consumers should not parse it.`,
			'Say what the client can do in `detail`; log debugging output on the server, and put data clients need in extension members.',
			{ pointer: '/detail' }
		);
	}
}

function checkInstance(body: Record<string, unknown>, out: Reporter): void {
	if (!has(body, 'instance')) return;
	const instance = body.instance;
	if (typeof instance !== 'string') {
		out.error(
			'rfc9457-3.1.5-instance',
			`\`instance\` is ${jsonType(instance)} (${show(instance)}), not a string, so consumers MUST ignore it.`,
			'Make `instance` a string URI reference identifying this occurrence, e.g. "/errors/2f9c7a".',
			{ pointer: '/instance' }
		);
		return;
	}
	if (!uriReference(instance).valid) {
		out.warning(
			'rfc9457-3.1.5-instance',
			`\`instance\` ${show(instance)} is not a URI reference.`,
			'Use a URI for the occurrence, e.g. "/errors/2f9c7a" or "urn:uuid:…"; percent-encode other characters.',
			{ pointer: '/instance' }
		);
	}
}

function checkExtensionNames(body: Record<string, unknown>, out: Reporter): void {
	const names = Object.keys(body).filter((name) => !STANDARD_MEMBERS.has(name));
	for (const name of names.slice(0, 200)) {
		if (EXTENSION_NAME.test(name)) continue;
		out.warning(
			'rfc9457-4-extension-name',
			`The extension member name ${show(name)} should start with a letter, use only letters, digits and "_", and be at least three characters long.`,
			'Rename it (e.g. camelCase or snake_case) so it also works in the XML format and other serialisations.',
			{ pointer: `/${pointerToken(name)}` }
		);
	}
}

export function lintRfc9457(pasted: Pasted, out: Reporter): void {
	checkMediaType(pasted, out);
	checkStatusClass(pasted, out);
	const body = bodyObject(pasted, out, 'rfc9457-3-json-object');
	if (!body) return;
	const type = checkType(body, out);
	const status = checkStatus(pasted, body, out) ?? pasted.status;
	checkTitle(body, type, status, out);
	checkDetail(body, out);
	checkInstance(body, out);
	checkExtensionNames(body, out);
}
