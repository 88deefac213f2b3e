/**
 * The classifier: any pasted response in, an explanation out (SPEC §3).
 *
 * Pure: no DOM, no Astro, no I/O. It never throws (a failure inside becomes
 * an honest "not recognised" result) and reads big inputs once.
 *
 * Decision order, each step recorded in `evidence`:
 * 1. the envelope (format detectors, platforms first);
 * 2. a catalog code, for the five platforms;
 * 3. the vendor code, looked up in the catalog's vendor tables;
 * 4. the HTTP status;
 * 5. the words of the message.
 */
import type { CategoryId, VendorCode } from '../catalog/schema.ts';
import { categoryUrl, codeUrl, sourceUrl, statusUrl } from '../catalog/urls.ts';
import { parseBody } from './body.ts';
import type { ClassifierCode, ClassifierData, ClassifierStatus } from './data.ts';
import { compactFields, evidence, type DetectContext, type Detection, type JsonDetector } from './formats/detection.ts';
import { detectHtml, detectText, detectXml } from './formats/markup.ts';
import { botpress, datafold, integrationLabs, integry, synchive } from './formats/platforms.ts';
import {
	awsJson,
	github,
	google,
	graphql,
	hubspot,
	jsonapi,
	odata,
	problemDetails,
	salesforce,
	shopify,
	slack,
	stripe,
	twilio,
} from './formats/upstream.ts';
import { requestIdHeader, retryTiming, type Headers } from './headers.ts';
import { readInput, readValue, type ResponseInput } from './input.ts';
import { isRecord, statusOf, text } from './json-path.ts';
import type { Classification, Evidence, ExtractedFields, Format } from './result.ts';
import { categoryFromMessage, CLOUDFLARE_CODES } from './vocabulary.ts';

/** Most specific first: the platforms' envelopes, then vendors with distinctive members, then generic shapes. */
const JSON_DETECTORS: readonly JsonDetector[] = [
	integry,
	synchive,
	botpress,
	datafold,
	integrationLabs,
	stripe,
	google,
	odata,
	twilio,
	hubspot,
	slack,
	salesforce,
	github,
	awsJson,
	graphql,
	jsonapi,
	problemDetails,
	shopify,
];

export interface ClassifyOptions {
	/** The time to measure HTTP-date `Retry-After` from when the response has no `Date` header. */
	now?: number;
	/**
	 * The catalog source the caller knows the response came from (`synchive`).
	 * Used only when the body does not identify its platform: a gateway page
	 * from SyncHive or a Datafold `about:blank` problem is then matched to the
	 * source's one entry with that status.
	 */
	source?: string;
}

/** Lookups built once per data object. */
interface Indexes {
	codes: Map<string, ClassifierCode>;
	statuses: Map<number, ClassifierStatus>;
	vendor: Map<string, VendorCode>;
}
const indexCache = new WeakMap<ClassifierData, Indexes>();
function indexes(data: ClassifierData): Indexes {
	let found = indexCache.get(data);
	if (!found) {
		const vendor = new Map<string, VendorCode>();
		for (const [format, codes] of Object.entries(data.vendorCodes)) {
			for (const code of codes) vendor.set(`${format}\u0000${code.field}\u0000${code.code}`, code);
		}
		found = {
			codes: new Map(data.codes.map((code) => [code.name, code])),
			statuses: new Map(data.statuses.map((entry) => [entry.status, entry])),
			vendor,
		};
		indexCache.set(data, found);
	}
	return found;
}

function detectJson(value: unknown, context: DetectContext): Detection | undefined {
	for (const detector of JSON_DETECTORS) {
		const detection = detector(value, context);
		if (detection) return detection;
	}
	return undefined;
}

/** A JSON body of no known shape: still read its message. */
function detectPlainJson(value: unknown): Detection {
	const message =
		text(value, 'message') ??
		text(value, 'error.message') ??
		text(value, 'error') ??
		text(value, 'error_description') ??
		text(value, 'detail') ??
		text(value, 'title') ??
		text(value, 'msg') ??
		text(value, 'errorMessage');
	const code =
		text(value, 'code', 100) ??
		text(value, 'error_code', 100) ??
		text(value, 'errorCode', 100) ??
		text(value, 'error.code', 100);
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

interface Detected {
	detection: Detection;
	/** A status the body itself gave when the transport did not (page title, body member). */
	fallbackStatus?: number;
}

function detect(input: ResponseInput, context: DetectContext): Detected {
	const body = parseBody(input.body, input.headers, input.parsedBody);
	switch (body.kind) {
		case 'json': {
			const detection = detectJson(body.value, context) ?? detectPlainJson(body.value);
			return { detection };
		}
		case 'xml':
			return { detection: detectXml(body.text, input.headers) ?? detectText(body.text) };
		case 'html': {
			const page = detectHtml(body.text, input.headers);
			return { detection: page.detection, ...(page.pageStatus ? { fallbackStatus: page.pageStatus } : {}) };
		}
		case 'text':
			return { detection: detectText(body.text) };
		case 'empty': {
			// A bare status is still an answer: JSON detectors may match on headers alone (AWS's x-amzn-ErrorType).
			const detection = awsJson({}, context) ?? {
				format: 'text' as Format,
				fields: {},
				evidence: [evidence('body', '(empty)', 'no body: only the status and headers tell')],
			};
			return { detection };
		}
	}
}

interface Verdict {
	category: CategoryId | 'unknown';
	retryable: boolean | null;
	/** Which rule decided: the confidence follows from it. */
	by: 'catalog' | 'vendor' | 'status' | 'message' | 'none';
	/** What decided, for the explanation. */
	meaning?: string;
	vendor?: VendorCode;
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
	timeout: null,
	internal: null,
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
	const found = findVendor(detection, indexes);
	const vendor = found && !(found.coarse && statusEntry?.category) ? found.vendor : undefined;
	if (vendor) {
		trail.push(evidence(vendor.field, vendor.code, `vendor code table: ${vendor.category}`));
		return { category: vendor.category, retryable: vendor.retryable, meaning: vendor.meaning, vendor, by: 'vendor' };
	}
	const cloudflare = detection.vendorCodes?.find((candidate) => candidate.field === 'cloudflare');
	const cloudflareEntry = cloudflare ? CLOUDFLARE_CODES[cloudflare.value] : undefined;
	if (cloudflareEntry && cloudflare) {
		trail.push(evidence('Cloudflare error', cloudflare.value, `Cloudflare error table: ${cloudflareEntry.category}`));
		return {
			by: 'vendor',
			category: cloudflareEntry.category,
			retryable: cloudflareEntry.retryable,
			meaning: cloudflareEntry.meaning,
		};
	}
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
	const rule = categoryFromMessage(detection.fields.message);
	if (rule) {
		trail.push(
			evidence('message', detection.fields.message ?? '', `message vocabulary: ${rule.label} → ${rule.category}`)
		);
		return { category: rule.category, retryable: CATEGORY_RETRY[rule.category], by: 'message' };
	}
	if (status !== null && status >= 500) {
		trail.push(evidence('status', String(status), 'a 5xx status: a server-side failure'));
		return { category: 'internal', retryable: null, by: 'status' };
	}
	if (status !== null && status >= 400) {
		trail.push(evidence('status', String(status), 'a 4xx status: the request must change'));
		return { category: 'validation', retryable: false, by: 'status' };
	}
	return { category: 'unknown', retryable: null, by: 'none' };
}

/** One sentence on why the verdict says retry, do not retry, or depends. */
function retryReasonFor(
	verdict: Verdict,
	code: ClassifierCode | undefined,
	status: number | null,
	index: Indexes
): string {
	if (code?.retryNote) return code.retryNote;
	if (verdict.vendor) return verdict.vendor.meaning;
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

function findVendor(detection: Detection, { vendor }: Indexes): { vendor: VendorCode; coarse: boolean } | undefined {
	for (const candidate of detection.vendorCodes ?? []) {
		const found = vendor.get(`${detection.format}\u0000${candidate.field}\u0000${candidate.value}`);
		if (found) return { vendor: found, coarse: candidate.coarse === true };
	}
	return undefined;
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

function buildResult(input: ResponseInput, data: ClassifierData, options: ClassifyOptions): Classification {
	const now = options.now ?? Date.now();
	const index = indexes(data);
	const context: DetectContext = { status: input.status, headers: input.headers, data };
	const { detection: outer, fallbackStatus } = detect(input, context);
	const trail: Evidence[] = [];
	if (input.note) trail.push(evidence('input', input.kind, input.note));
	if (input.status !== null)
		trail.push(
			evidence(input.kind === 'http-response' ? 'status line' : 'status', String(input.status), 'the HTTP status')
		);

	// A relay: classify what the app said, keep the outer layer as the envelope.
	let detection = outer;
	let status = input.status ?? outer.bodyStatus ?? fallbackStatus ?? null;
	let envelope: Classification['envelope'];
	if (outer.relayed) {
		const inner = readValue(outer.relayed.body);
		const innerInput: ResponseInput = { ...inner, kind: input.kind, status: outer.relayed.status, headers: new Map() };
		const innerDetected = detect(innerInput, { ...context, status: outer.relayed.status });
		// The relay keeps its own format and catalog entry; the app's fields, evidence and notes join it.
		detection = {
			...outer,
			fields: { ...innerDetected.detection.fields, ...outer.fields },
			evidence: [...outer.evidence, ...innerDetected.detection.evidence],
			notes: [...(outer.notes ?? []), ...(innerDetected.detection.notes ?? [])],
		};
		envelope = {
			format: outer.format,
			status: input.status,
			note: `The outer response is HTTP ${input.status ?? 200} from Integry; the app’s response inside is ${statusName(outer.relayed.status, index) || 'of unknown status'}${innerDetected.detection.format !== 'json' && innerDetected.detection.format !== 'text' ? ` (${innerDetected.detection.format})` : ''}.`,
		};
		status = outer.relayed.status;
		// The relay's catalog entry decides the category; what the app's own code means is explained beside it.
		const innerVendor = findVendor(innerDetected.detection, index)?.vendor;
		if (innerVendor) {
			detection.notes?.push(
				`The app’s own code ${innerVendor.code} (${data.sourceNames[innerDetected.detection.format] ?? innerDetected.detection.format}) means: ${innerVendor.meaning}`
			);
		}
		trail.push(...detection.evidence);
		return finish(detection, status, envelope);
	}
	if (outer.hiddenUnder200 && input.status === 200) {
		envelope = {
			format: outer.format,
			status: 200,
			note: 'The HTTP status is 200 OK, but the body reports an error: check the body, not only the status.',
		};
	}
	trail.push(...detection.evidence);
	return finish(detection, status, envelope);

	function finish(found: Detection, httpStatus: number | null, outerLayer: Classification['envelope']): Classification {
		if (!found.source && options.source && httpStatus !== null) {
			const candidates = data.codes.filter((entry) => entry.source === options.source && entry.status === httpStatus);
			if (candidates.length === 1 && candidates[0]) {
				found = { ...found, source: options.source, catalogId: candidates[0].id };
				trail.push(evidence('source', options.source, `given as the sender; its only entry with status ${httpStatus}`));
			}
		}
		const code = found.source && found.catalogId ? index.codes.get(`${found.source}/${found.catalogId}`) : undefined;
		const verdict = decide(found, code, httpStatus, input.headers, index, trail);
		let retryable = verdict.retryable;
		let retryReason = retryReasonFor(verdict, code, httpStatus, index);
		if (found.retryable !== undefined) {
			retryable = found.retryable;
			retryReason = found.retryable
				? 'The body says the failure is retryable.'
				: 'The body does not mark the failure as retryable.';
		}
		// The wait: the body's own (pause-integration, RetryInfo) wins over headers.
		let retryAfterSeconds: number | null = found.retryAfterSeconds ?? null;
		const timing = retryTiming(input.headers, now);
		if (retryAfterSeconds === null && timing) {
			retryAfterSeconds = timing.seconds;
			trail.push(evidence(timing.header, timing.value, `wait ${timing.seconds} s before retrying`));
		}
		if (retryAfterSeconds !== null && retryable === false && verdict.category !== 'quota') {
			// A server that names a wait is saying a later retry can work.
			retryable = true;
		}
		const request = requestIdHeader(input.headers);
		const fields: ExtractedFields = compactFields({
			...found.fields,
			requestId: found.fields.requestId ?? request?.value,
		});
		return assemble({
			found,
			code,
			status: httpStatus,
			verdict,
			retryable,
			retryReason,
			retryAfterSeconds,
			fields,
			envelope: outerLayer,
			input,
			data,
			index,
			trail,
		});
	}
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
	input: ResponseInput;
	data: ClassifierData;
	index: Indexes;
	trail: Evidence[];
}

function assemble(parts: Parts): Classification {
	const { found, code, status, verdict, retryable, retryAfterSeconds, fields, envelope, input, data, index, trail } =
		parts;
	const retryReason =
		retryAfterSeconds !== null && retryable !== false
			? `${parts.retryReason} The response asks to wait ${retryAfterSeconds} s.`
			: parts.retryReason;
	const statusEntry = status !== null ? index.statuses.get(status) : undefined;
	const category = data.categories.find((entry) => entry.id === verdict.category);
	const sourceName = data.sourceNames[found.source ?? found.format] ?? FORMAT_NAMES[found.format] ?? found.format;
	const recognised = (found.format !== 'json' && found.format !== 'text') || verdict.category !== 'unknown';

	const title = code
		? code.title
		: verdict.vendor
			? `${sourceName}: ${verdict.vendor.code}`
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
	if (code) nextSteps.push(...code.fixes);
	else if (category) nextSteps.push(category.handling);
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
		retryReason,
		retryAfterSeconds,
		confidence:
			verdict.by === 'catalog' || verdict.by === 'vendor'
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
 * Classifies an error response. `input` is the pasted text, or an already
 * parsed value (a `{status, headers, body}` object or a HAR).
 */
export function classify(input: string | unknown, data: ClassifierData, options: ClassifyOptions = {}): Classification {
	try {
		const response = typeof input === 'string' ? readInput(input) : readValue(input);
		return buildResult(response, data, options);
	} catch (error) {
		// Never throw: a bug or a pathological input still gets an honest answer.
		return failure(error);
	}
}

export type { Headers };
