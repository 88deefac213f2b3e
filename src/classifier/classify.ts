/**
 * The classifier: any pasted response in, an explanation out (SPEC §3).
 *
 * Pure: no DOM, no Astro, no I/O. It never throws (a failure inside becomes
 * an honest "not recognised" result) and reads big inputs once.
 *
 * What a vendor's errors look like is catalog data (`wire` in each source
 * file); this module is the one engine that applies it. Decision order,
 * each step recorded in `evidence`:
 * 1. the envelope: every source's declared signatures, the most specific claim winning;
 * 2. the catalog entry its code names (or its shape, or its status, where the source says so);
 * 3. for a relay, the inner response, classified the same way;
 * 4. the HTTP status;
 * 5. the words of the message.
 */
import type { CategoryId } from '../catalog/schema.ts';
import { categoryUrl, codeUrl, sourceUrl, statusUrl } from '../catalog/urls.ts';
import { parseBody } from './body.ts';
import type { ClassifierCode, ClassifierData, ClassifierStatus } from './data.ts';
import { compactFields, evidence, type Detection } from './formats/detection.ts';
import { detectHtml, detectText } from './formats/markup.ts';
import { requestIdHeader, retryTiming, type Headers } from './headers.ts';
import { readInput, readValue, type ResponseInput } from './input.ts';
import { isRecord, member, records, statusOf, text } from './json-path.ts';
import type { Classification, Evidence, ExtractedFields, Format } from './result.ts';
import { categoryFromTexts, codeWords, PERIOD_QUOTA, REFINEMENTS } from './vocabulary.ts';
import { wireCodeIndex, type WireCodeIndex } from './wire/codes.ts';
import { htmlPage, type WireDocument } from './wire/locate.ts';
import { readClaim } from './wire/read.ts';
import { claims } from './wire/recognize.ts';

export interface ClassifyOptions {
	/** The time to measure HTTP-date `Retry-After` from when the response has no `Date` header. */
	now?: number;
	/**
	 * The catalog source the caller knows the response came from (`synchive`).
	 * Used only when the body does not identify its sender: a gateway page
	 * from SyncHive or a Datafold `about:blank` problem is then matched to the
	 * source's one entry with that status.
	 */
	source?: string;
}

/** Methods RFC 9110 §9.2.2 calls idempotent: sending them twice has the effect of sending them once. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** Whether the request shown may be sent again: an idempotent method, or a write with an idempotency key. */
function safeToRepeat(request: NonNullable<ResponseInput['request']>): boolean {
	return (
		IDEMPOTENT_METHODS.has(request.method) ||
		request.headers.has('idempotency-key') ||
		request.headers.has('x-idempotency-key')
	);
}

/** Text bodies are read from their head: a proxy's answer or a log line says what it is up front. */
const TEXT_HEAD = 64 * 1024;

/** A relay inside a relay inside …: two layers are all real platforms nest. */
const MAX_RELAY_DEPTH = 2;

/** Lookups built once per data object. */
interface Indexes {
	codes: Map<string, ClassifierCode>;
	statuses: Map<number, ClassifierStatus>;
	wire: WireCodeIndex;
}
const indexCache = new WeakMap<ClassifierData, Indexes>();
function indexes(data: ClassifierData): Indexes {
	let found = indexCache.get(data);
	if (!found) {
		found = {
			codes: new Map(data.codes.map((code) => [code.name, code])),
			statuses: new Map(data.statuses.map((entry) => [entry.status, entry])),
			wire: wireCodeIndex(data.codes),
		};
		indexCache.set(data, found);
	}
	return found;
}

/** A JSON body of no known shape: still read its message. */
function detectPlainJson(value: unknown): Detection {
	const firstError = records(member(value, 'errors'))[0];
	const message =
		text(value, 'message') ??
		text(value, 'error.message') ??
		text(value, 'error') ??
		text(value, 'error_description') ??
		text(value, 'detail') ??
		text(value, 'description') ??
		text(firstError, 'message') ??
		text(firstError, 'detail') ??
		text(value, 'title') ??
		text(value, 'msg') ??
		text(value, 'errorMessage');
	const code =
		text(value, 'code', 100) ??
		text(value, 'error_code', 100) ??
		text(value, 'errorCode', 100) ??
		text(value, 'error.code', 100) ??
		text(firstError, 'code', 100) ??
		codeLike(text(value, 'error.type', 100)) ??
		codeLike(text(firstError, 'error', 100)) ??
		codeLike(text(value, 'error', 100));
	// Frameworks' default bodies (Spring Boot's `status`, others' `statusCode`) carry the status.
	const bodyStatus = isRecord(value) ? (statusOf(value.status) ?? statusOf(value.statusCode)) : undefined;
	return {
		format: 'json',
		...(bodyStatus ? { bodyStatus } : {}),
		fields: compactFields({
			message,
			vendorCode: code,
			requestId: text(value, 'request_id', 200) ?? text(value, 'requestId', 200),
		}),
		evidence: [
			evidence(
				'body',
				isRecord(value)
					? `{${Object.keys(value).slice(0, 8).join(', ')}}`
					: Array.isArray(value)
						? 'array'
						: typeof value,
				'JSON of no known error shape'
			),
		],
	};
}

/** A value that reads as a code (`RecordNotFound`, `user_exists`), not a sentence. */
function codeLike(value: string | undefined): string | undefined {
	return value && /^[A-Za-z][A-Za-z0-9_.:-]{2,60}$/.test(value) && /[A-Z_.:-]|[a-z][A-Z]/.test(value)
		? value
		: undefined;
}

interface Detected {
	detection: Detection;
	/** A status the body itself gave when the transport did not (page title, body member). */
	fallbackStatus?: number;
}

/** The body as the catalog's locators read it, and the generic reading when no source claims it. */
function documentOf(input: ResponseInput): { document: WireDocument; generic: () => Detected } {
	const body = parseBody(input.body, input.headers, input.parsedBody);
	const headers = input.headers;
	switch (body.kind) {
		case 'json':
			return {
				document: { body: { kind: 'json', value: body.value }, headers },
				generic: () => ({ detection: detectPlainJson(body.value) }),
			};
		case 'xml':
			return {
				document: { body: { kind: 'xml', markup: body.text }, headers },
				generic: () => ({ detection: detectText(body.text) }),
			};
		case 'html': {
			const page = detectHtml(body.text, headers);
			return {
				document: { body: htmlPage(body.text, page.title, page.heading), headers },
				generic: () => ({ detection: page.detection, ...(page.pageStatus ? { fallbackStatus: page.pageStatus } : {}) }),
			};
		}
		case 'text':
			return {
				document: { body: { kind: 'text', text: body.text.slice(0, TEXT_HEAD) }, headers },
				generic: () => ({ detection: detectText(body.text) }),
			};
		case 'empty':
			return {
				document: { body: { kind: 'empty' }, headers },
				generic: () => ({
					detection: {
						format: 'text',
						fields: {},
						evidence: [evidence('body', '(empty)', 'no body: only the status and headers tell')],
					},
				}),
			};
	}
}

function detect(input: ResponseInput, data: ClassifierData, index: Indexes): Detected {
	const { document, generic } = documentOf(input);
	const [best] = claims(document, data.sources, index.wire);
	if (!best) return generic();
	const scheme = data.sources.find((source) => source.id === best.source)?.codeScheme;
	const detection = readClaim(best, {
		document,
		codes: index.wire,
		status: input.status,
		...(scheme ? { scheme } : {}),
	});
	if (document.body.kind !== 'html') return { detection };
	// A page a source claims (Cloudflare's numbered errors) is still a page: keep what the page says.
	const page = generic();
	return {
		...page,
		detection: {
			...detection,
			fields: { ...page.detection.fields, ...detection.fields },
			evidence: [...page.detection.evidence, ...detection.evidence],
			notes: [...(page.detection.notes ?? []), ...(detection.notes ?? [])],
		},
	};
}

interface Verdict {
	category: CategoryId | 'unknown';
	retryable: boolean | null;
	/** Which rule decided: the confidence follows from it. */
	by: 'catalog' | 'inner' | 'status' | 'message' | 'none';
	/** What decided, for the explanation. */
	meaning?: string;
}

/** Retry when nothing more specific says: by category. */
const CATEGORY_RETRY: Record<CategoryId | 'unknown', boolean | null> = {
	authentication: false,
	permission: false,
	'not-found': false,
	validation: false,
	conflict: false,
	locked: true,
	'rate-limit': true,
	quota: false,
	payment: false,
	'too-large': false,
	unsupported: false,
	upstream: null,
	unavailable: true,
	timeout: true,
	internal: true,
	unknown: null,
};

function decide(
	detection: Detection,
	code: ClassifierCode | undefined,
	status: number | null,
	headers: Headers,
	indexes: Indexes,
	trail: Evidence[]
): Verdict {
	if (code) {
		trail.push(
			evidence('catalog', code.name, `matched catalog entry: ${code.category}, retry ${code.retryable ?? 'depends'}`)
		);
		return { category: code.category, retryable: code.retryable, by: 'catalog' };
	}
	const statusEntry = status !== null ? indexes.statuses.get(status) : undefined;
	// A 403 that names a wait, or says no requests remain, is a rate limit (GitHub sends its limits as 403).
	if (status === 403 && rateLimited(headers)) {
		trail.push(
			evidence('headers', 'Retry-After or *RateLimit-Remaining: 0', 'a 403 with rate-limit headers is a rate limit')
		);
		return { category: 'rate-limit', retryable: true, by: 'status' };
	}
	if (statusEntry?.category) {
		trail.push(evidence('status', String(status), `status ${status} means ${statusEntry.category}`));
		return {
			category: statusEntry.category,
			retryable: statusEntry.retryable,
			meaning: statusEntry.meaning,
			by: 'status',
		};
	}
	const { said, named } = wordsOf(detection, code);
	const words = categoryFromTexts([...said, named]);
	if (words) {
		const { text, rule } = words;
		trail.push(evidence('message', text, `message vocabulary: ${rule.label} → ${rule.category}`));
		return { category: rule.category, retryable: CATEGORY_RETRY[rule.category], by: 'message' };
	}
	if (status !== null && status >= 500) {
		trail.push(evidence('status', String(status), 'a 5xx status: a server-side failure'));
		return { category: 'internal', retryable: true, by: 'status' };
	}
	if (status !== null && status >= 400) {
		trail.push(evidence('status', String(status), 'a 4xx status: the request must change'));
		return { category: 'validation', retryable: false, by: 'status' };
	}
	return { category: 'unknown', retryable: null, by: 'none' };
}

/**
 * A status, or a catch-all code (`upstream`), states its meaning loosely; a
 * specific meaning in the message's words is the better answer ("already
 * exists" under a 400 is a conflict, "insufficient funds" under a 403 is
 * payment, "invalid API key" under a 403 is authentication).
 */
function refine(verdict: Verdict, detection: Detection, code: ClassifierCode | undefined, trail: Evidence[]): Verdict {
	// A catalog code is refined only where it is a catch-all: `upstream`, a rate limit (daily quota), or marked `broad`.
	const catalogLoose =
		verdict.by === 'catalog' &&
		code !== undefined &&
		(code.broad === true || code.category === 'upstream' || code.category === 'rate-limit');
	if ((verdict.by !== 'status' && !catalogLoose) || verdict.category === 'unknown') return verdict;
	const { said, named } = wordsOf(detection, code);
	if (verdict.category === 'rate-limit') {
		// "Quota exceeded … per minute" is still a rate limit: only a limit for the day or month is a quota.
		const period = [...said, named].find((text) => text !== undefined && PERIOD_QUOTA.test(text));
		if (!period) return verdict;
		trail.push(evidence('message', period, 'a limit for the day or the month: a quota that waits for its reset'));
		return { category: 'quota', retryable: CATEGORY_RETRY.quota, by: verdict.by };
	}
	const allowed = REFINEMENTS[verdict.category];
	// A vendor's code is chosen words: `QueueDoesNotExist` under a 400 means not found, where a
	// message's "not found" may be one detail of a validation failure.
	const words =
		allowed &&
		(categoryFromTexts(said, (rule) => allowed.includes(rule.category)) ??
			categoryFromTexts(
				[named],
				(rule) => allowed.includes(rule.category) || CODE_REFINEMENTS.includes(rule.category)
			));
	if (!words) return verdict;
	const { text, rule } = words;
	trail.push(
		evidence('message', text, `the message says more than “${verdict.category}”: ${rule.label} → ${rule.category}`)
	);
	return { category: rule.category, retryable: CATEGORY_RETRY[rule.category], by: verdict.by };
}

/** What a vendor's code may say beyond what the message may (see `refine`). */
const CODE_REFINEMENTS: readonly CategoryId[] = ['not-found'];

/**
 * The words the vocabulary reads: what the response says (its message, then
 * the details beside it), and the vendor's code as words where no catalog
 * entry (or only a catch-all one) says what the code means.
 */
function wordsOf(
	detection: Detection,
	code: ClassifierCode | undefined
): { said: (string | undefined)[]; named: string | undefined } {
	const unexplained = code === undefined || code.broad === true || code.category === 'upstream';
	return {
		said: [detection.fields.message, ...(detection.details ?? [])],
		named: unexplained ? codeWords(detection.fields.vendorCode) : undefined,
	};
}

/** One sentence on why the verdict says retry, do not retry, or depends. */
function retryReasonFor(
	verdict: Verdict,
	code: ClassifierCode | undefined,
	status: number | null,
	index: Indexes
): string {
	if (code?.retryNote) return code.retryNote;
	if (verdict.by === 'status' && status !== null) {
		const entry = index.statuses.get(status);
		if (entry) return entry.retry;
	}
	if (verdict.retryable === null) {
		return 'It depends on whether the request is safe to repeat (GET, PUT, DELETE, or a write with an idempotency key).';
	}
	return verdict.retryable
		? 'Failures of this kind clear up by themselves: retry with backoff.'
		: 'The same request will fail the same way: change it first.';
}

function rateLimited(headers: Headers): boolean {
	if (headers.has('retry-after')) return true;
	return ['x-ratelimit-remaining', 'ratelimit-remaining', 'x-rate-limit-remaining'].some(
		(name) => headers.get(name) === '0'
	);
}

function statusName(status: number | null, indexes: Indexes): string {
	if (status === null) return '';
	const entry = indexes.statuses.get(status);
	return entry ? `${status} ${entry.name}` : String(status);
}

const FORMAT_NAMES: Partial<Record<Format, string>> = {
	html: 'an HTML page',
	text: 'a plain-text body',
	json: 'JSON of no known error shape',
};

/** The relayed response as an input of its own: a JSON value, or text that may itself be a response. */
function relayedInput(relayed: NonNullable<Detection['relayed']>, kind: ResponseInput['kind']): ResponseInput {
	if (typeof relayed.body === 'string') {
		const read = readInput(relayed.body);
		return { ...read, status: relayed.status ?? read.status };
	}
	return { kind, status: relayed.status, headers: new Map(), body: '', parsedBody: relayed.body };
}

function buildResult(input: ResponseInput, data: ClassifierData, options: ClassifyOptions, depth = 0): Classification {
	const now = options.now ?? Date.now();
	const index = indexes(data);
	const { detection: found, fallbackStatus } = detect(input, data, index);
	const trail: Evidence[] = [];
	if (input.note) trail.push(evidence('input', input.kind, input.note));
	if (input.status !== null)
		trail.push(
			evidence(input.kind === 'http-response' ? 'status line' : 'status', String(input.status), 'the HTTP status')
		);
	trail.push(...found.evidence);

	let detection = found;
	let status = input.status ?? detection.bodyStatus ?? fallbackStatus ?? null;
	let envelope: Classification['envelope'];
	let inner: Classification | undefined;
	const sourceName = (id: string) => data.sourceNames[id] ?? FORMAT_NAMES[id] ?? id;

	if (detection.relayed && depth < MAX_RELAY_DEPTH) {
		const relayed = detection.relayed;
		inner = buildResult(
			relayedInput(relayed, input.kind),
			data,
			options.now === undefined ? {} : { now: options.now },
			depth + 1
		);
		// The relay's fields come first; what the inner response says fills the gaps.
		// The relay's fields come first, but the app's own code says more than the relayed status.
		detection = {
			...detection,
			fields: {
				...inner.fields,
				...detection.fields,
				...(inner.fields.vendorCode ? { vendorCode: inner.fields.vendorCode } : {}),
			},
		};
		if (relayed.hasStatus) {
			envelope = {
				format: detection.format,
				status: input.status,
				note: `The outer response is HTTP ${input.status ?? 200} from ${sourceName(detection.source ?? detection.format)}; ${relayed.sender}’s response inside is ${statusName(relayed.status, index) || 'of unknown status'}${inner.format !== 'json' && inner.format !== 'text' ? ` (${sourceName(inner.format)})` : ''}.`,
			};
		}
	} else if (detection.hiddenUnder200 && input.status === 200) {
		envelope = {
			format: detection.format,
			status: 200,
			note: 'The HTTP status is 200 OK, but the body reports an error: check the body, not only the status.',
		};
	}

	// The caller's word on the sender counts only where the body's own code did not name an entry.
	if (!detection.code && options.source && detection.source !== options.source && status !== null) {
		const only = index.wire.onlyWithStatus(options.source, status);
		if (only) {
			detection = { ...detection, source: options.source, code: only };
			trail.push(evidence('source', options.source, `given as the sender; its only entry with status ${status}`));
		}
	}
	let code = detection.code;
	const statusEntry = status !== null ? index.statuses.get(status) : undefined;
	// A broad class (Stripe's `error.type`) holds with its own status; with any other, the status says more.
	if (code && detection.coarse && status !== null && statusEntry?.category && code.status !== status) {
		trail.push(
			evidence('status', String(status), `${code.name} is a broad class sent with many statuses: ${status} says more`)
		);
		code = undefined;
	}
	let verdict = refine(decide(detection, code, status, input.headers, index, trail), detection, code, trail);
	// The relayed response decides what it means when it names a catalog code of its own,
	// or when the relay itself names no entry (an app status the catalog has no entry for).
	const relayedStatus = detection.relayed?.hasStatus === true;
	// A bare 5xx from the app is the relay's own "the app behind failed" (upstream), not the caller's internal error.
	const bareServerFault = inner?.category === 'internal' && !inner.code;
	// A catch-all relay code ("the platform denied it") says less than what the platform itself said.
	const relayLoose = code !== undefined && (code.category === 'upstream' || code.broad === true);
	if (
		inner &&
		inner.category !== 'unknown' &&
		!bareServerFault &&
		(inner.code || !code || relayedStatus || relayLoose)
	) {
		verdict = { category: inner.category, retryable: inner.retryable, by: 'inner' };
		trail.push(
			evidence(
				'inner',
				inner.code,
				`the relayed response’s own code decides: ${inner.category}, retry ${inner.retryable ?? 'depends'}`
			)
		);
		detection.notes?.push(
			`Inside it, ${sourceName(inner.source ?? inner.format)} answered ${inner.code}: ${inner.title}.`
		);
	}
	let retryable = verdict.retryable;
	let retryReason = verdict.by === 'inner' && inner ? inner.retryReason : retryReasonFor(verdict, code, status, index);
	if (detection.retryable !== undefined) {
		retryable = detection.retryable;
		retryReason = detection.retryable
			? 'The body says the failure is retryable.'
			: 'The body does not mark the failure as retryable.';
	}
	// The wait: the body's own (pause-integration, RetryInfo) wins over headers, then the relayed response's.
	let retryAfterSeconds: number | null = detection.retryAfterSeconds ?? null;
	const timing = retryTiming(input.headers, now);
	if (retryAfterSeconds === null && timing) {
		retryAfterSeconds = timing.seconds;
		trail.push(evidence(timing.header, timing.value, `wait ${timing.seconds} s before retrying`));
	}
	if (retryAfterSeconds === null && verdict.by === 'inner' && inner?.retryAfterSeconds != null)
		retryAfterSeconds = inner.retryAfterSeconds;
	if (retryAfterSeconds !== null && retryable !== true && verdict.category !== 'quota') {
		// A server that names a wait is saying a later retry can work.
		retryable = true;
	}
	const request = requestIdHeader(input.headers);
	const fields: ExtractedFields = compactFields({
		...detection.fields,
		requestId: detection.fields.requestId ?? request?.value,
	});
	return assemble({
		found: detection,
		code,
		status,
		verdict,
		retryable,
		retryReason,
		retryAfterSeconds,
		fields,
		envelope,
		inner,
		input,
		data,
		index,
		trail,
	});
}

interface Parts {
	found: Detection;
	code: ClassifierCode | undefined;
	status: number | null;
	verdict: Verdict;
	retryable: boolean | null;
	retryReason: string;
	retryAfterSeconds: number | null;
	fields: ExtractedFields;
	envelope: Classification['envelope'];
	inner: Classification | undefined;
	input: ResponseInput;
	data: ClassifierData;
	index: Indexes;
	trail: Evidence[];
}

function assemble(parts: Parts): Classification {
	const {
		found,
		code,
		status,
		verdict,
		retryable,
		retryAfterSeconds,
		fields,
		envelope,
		inner,
		input,
		data,
		index,
		trail,
	} = parts;
	const retryReason =
		retryAfterSeconds !== null && retryable !== false
			? `${parts.retryReason} The response asks to wait ${retryAfterSeconds} s.`
			: parts.retryReason;
	const statusEntry = status !== null ? index.statuses.get(status) : undefined;
	const category = data.categories.find((entry) => entry.id === verdict.category);
	// The word of whatever decided the verdict: the code (or its category), the relayed response, the status.
	const decided =
		verdict.by === 'catalog'
			? (code?.retryWhen ?? category?.retryWhen)
			: verdict.by === 'inner'
				? (inner?.retryWhen ?? undefined)
				: (statusEntry?.retryWhen ?? category?.retryWhen);
	const retryWhen = retryable === true ? (decided ?? 'idempotent') : null;
	const unsafe = retryWhen === 'idempotent' && input.request !== undefined && !safeToRepeat(input.request);
	if (unsafe && input.request)
		trail.push(
			evidence('request', input.request.method, 'not safe to repeat: not idempotent, and no Idempotency-Key header')
		);
	const sourceName = data.sourceNames[found.source ?? found.format] ?? FORMAT_NAMES[found.format] ?? found.format;
	const recognised = (found.format !== 'json' && found.format !== 'text') || verdict.category !== 'unknown';

	const title = code
		? code.title
		: found.source && fields.vendorCode
			? `${sourceName}: ${fields.vendorCode}`
			: statusEntry
				? `${status} ${statusEntry.name}${found.format === 'html' ? ' (HTML page)' : ''}`
				: category
					? `${category.title} error`
					: 'Not recognised';

	const explanation = [
		code?.summary ?? verdict.meaning ?? statusEntry?.meaning ?? category?.meaning,
		...(found.notes ?? []),
		envelope?.note,
		!recognised || verdict.category === 'unknown'
			? 'Error Atlas could not tell what this response means: no known envelope, no error status, and no telling words in the message.'
			: undefined,
	]
		.filter((part): part is string => Boolean(part))
		.join(' ');

	const nextSteps: string[] = [];
	if (retryAfterSeconds !== null && retryable !== false)
		nextSteps.push(`Wait ${retryAfterSeconds} seconds before retrying: the response asks for it.`);
	if (verdict.by === 'inner' && inner)
		nextSteps.push(...inner.nextSteps.filter((step) => !step.startsWith('If you contact support')));
	if (code) nextSteps.push(...code.fixes.filter((fix) => !nextSteps.includes(fix)));
	else if (category && verdict.by !== 'inner') nextSteps.push(category.handling);
	if (!code && statusEntry && !category) nextSteps.push(statusEntry.retry);
	if (fields.requestId) nextSteps.push(`If you contact support, quote the request id ${fields.requestId}.`);
	else if (fields.instance) nextSteps.push(`If you contact support, quote ${fields.instance}.`);
	if (verdict.category === 'unknown') {
		nextSteps.push(
			'Paste the whole response: the status line and headers tell as much as the body (use curl -i, or copy the response from your HTTP client or HAR file).',
			'Look for a code or type member in the body and search it on this site.'
		);
	}

	const sourceId = found.source ?? (data.sourceNames[found.format] ? found.format : undefined);
	return {
		input: input.kind,
		format: found.format,
		source: found.source ?? null,
		code: code?.name ?? null,
		status,
		category: verdict.category,
		retryable,
		retryWhen,
		retryReason: unsafe
			? `${retryReason} It may have been carried out, and this ${input.request?.method} has no Idempotency-Key: do not send it again as is; check whether it took effect first.`
			: retryWhen === 'idempotent'
				? `${retryReason} It may have been carried out: retry only an idempotent request, or one sent with an idempotency key.`
				: retryReason,
		retryAfterSeconds,
		confidence:
			verdict.by === 'catalog' || verdict.by === 'inner'
				? 'high'
				: verdict.by === 'status' || found.source
					? 'medium'
					: 'low',
		title,
		explanation,
		nextSteps,
		fields,
		evidence: trail,
		links: {
			...(code ? { code: codeUrl(code.name) } : {}),
			...(statusEntry ? { status: statusUrl(statusEntry.status) } : {}),
			...(verdict.category !== 'unknown' ? { category: categoryUrl(verdict.category) } : {}),
			...(sourceId ? { source: sourceUrl(sourceId) } : {}),
		},
		...(envelope ? { envelope } : {}),
		...(inner ? { inner } : {}),
	};
}

function failure(error: unknown): Classification {
	return {
		input: 'body',
		format: 'text',
		source: null,
		code: null,
		status: null,
		category: 'unknown',
		retryable: null,
		retryWhen: null,
		retryReason: 'Nothing in the input tells.',
		retryAfterSeconds: null,
		confidence: 'low',
		title: 'Not recognised',
		explanation: 'Error Atlas could not read this input.',
		nextSteps: ['Paste the raw response (status line, headers, blank line, body) or the body alone.'],
		fields: {},
		evidence: [
			{
				field: 'input',
				value: error instanceof Error ? error.message.slice(0, 200) : 'unreadable',
				rule: 'the input could not be read',
			},
		],
		links: {},
	};
}

/**
 * Classifies an error response, letting an internal failure through. For
 * tests that must see a crash (the fuzz tests): users call `classify`.
 */
export function classifyOrThrow(
	input: string | unknown,
	data: ClassifierData,
	options: ClassifyOptions = {}
): Classification {
	const response = typeof input === 'string' ? readInput(input) : readValue(input);
	return buildResult(response, data, options);
}

/**
 * Classifies an error response. `input` is the pasted text, or an already
 * parsed value (a `{status, headers, body}` object or a HAR).
 */
export function classify(input: string | unknown, data: ClassifierData, options: ClassifyOptions = {}): Classification {
	try {
		return classifyOrThrow(input, data, options);
	} catch (error) {
		// Never throw: a bug or a pathological input still gets an honest answer.
		return failure(error);
	}
}

export type { Headers };
