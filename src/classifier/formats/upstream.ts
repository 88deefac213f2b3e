/**
 * The upstream envelopes connectors meet (SPEC §1): each recognised by the
 * members its vendor documents. Vendor codes are reported with the field
 * that carried them, for lookup in the catalog's vendor tables.
 */
import { mediaType } from '../headers.ts';
import { isRecord, member, records, statusOf, text, type JsonRecord } from '../json-path.ts';
import { compactFields, evidence, type Detection, type JsonDetector, type VendorCodeCandidate } from './detection.ts';

const candidates = (...pairs: [string, string | undefined][]): VendorCodeCandidate[] =>
	pairs.flatMap(([field, value]) => (value ? [{ field, value }] : []));

const GOOGLE_STATUSES = new Set([
	'CANCELLED',
	'UNKNOWN',
	'INVALID_ARGUMENT',
	'DEADLINE_EXCEEDED',
	'NOT_FOUND',
	'ALREADY_EXISTS',
	'PERMISSION_DENIED',
	'RESOURCE_EXHAUSTED',
	'FAILED_PRECONDITION',
	'ABORTED',
	'OUT_OF_RANGE',
	'UNIMPLEMENTED',
	'INTERNAL',
	'UNAVAILABLE',
	'DATA_LOSS',
	'UNAUTHENTICATED',
]);

/** Google AIP-193: `{error:{code, message, status, details:[{@type …ErrorInfo, reason, domain}]}}`. */
export const google: JsonDetector = (value) => {
	const error = member(value, 'error');
	if (!isRecord(error)) return undefined;
	const status = text(error, 'status', 50);
	if (!(status && GOOGLE_STATUSES.has(status)) && !(typeof error.code === 'number' && Array.isArray(error.errors)))
		return undefined;
	const details = records(error.details);
	const info = details.find((detail) => String(detail['@type'] ?? '').endsWith('google.rpc.ErrorInfo'));
	const retryInfo = details.find((detail) => String(detail['@type'] ?? '').endsWith('google.rpc.RetryInfo'));
	const legacyReason = text(records(error.errors)[0], 'reason', 100);
	const badRequest = details.find((detail) => String(detail['@type'] ?? '').endsWith('google.rpc.BadRequest'));
	const detection: Detection = {
		format: 'google',
		vendorCodes: candidates(
			['error.details[].reason', text(info, 'reason', 100)],
			['error.errors[].reason', legacyReason],
			['error.status', status]
		),
		...(statusOf(error.code) ? { bodyStatus: statusOf(error.code) as number } : {}),
		fields: compactFields({
			message: text(error, 'message'),
			vendorCode: text(info, 'reason', 100) ?? status ?? legacyReason,
			fieldNames: records(member(badRequest, 'fieldViolations')).flatMap(
				(violation) => text(violation, 'field', 200) ?? []
			),
		}),
		evidence: [evidence('error.status', status ?? '(none)', 'Google API error (AIP-193)')],
	};
	const delay = text(retryInfo, 'retryDelay', 30);
	const match = delay && /^(\d+(?:\.\d+)?)s$/.exec(delay);
	if (match) {
		detection.retryAfterSeconds = Math.ceil(Number(match[1]));
		detection.evidence.push(evidence('error.details[RetryInfo].retryDelay', delay, 'the server names the wait'));
	}
	if (info)
		detection.evidence.push(
			evidence('error.details[ErrorInfo].reason', text(info, 'reason') ?? '', 'the machine-readable reason')
		);
	return detection;
};

/** Stripe: `{error:{type, code, decline_code, param, message, doc_url, request_log_url}}`. */
const STRIPE_TYPES = new Set([
	'api_error',
	'card_error',
	'idempotency_error',
	'invalid_request_error',
	'rate_limit_error',
	'authentication_error',
	'api_connection_error',
]);
export const stripe: JsonDetector = (value, { headers }) => {
	const error = member(value, 'error');
	if (!isRecord(error)) return undefined;
	const type = text(error, 'type', 50);
	const docUrl = text(error, 'doc_url', 300);
	if (!(type && STRIPE_TYPES.has(type)) && !docUrl?.includes('stripe.com')) return undefined;
	const param = text(error, 'param', 200);
	return {
		format: 'stripe',
		vendorCodes: [
			...candidates(['error.decline_code', text(error, 'decline_code', 100)], ['error.code', text(error, 'code', 100)]),
			...candidates(['error.type', type]).map((candidate) => ({ ...candidate, coarse: true })),
		],
		fields: compactFields({
			message: text(error, 'message'),
			vendorCode: text(error, 'code', 100) ?? type,
			requestId: headers.get('request-id') ?? text(error, 'request_log_url', 300),
			docUrl,
			fieldNames: param ? [param] : undefined,
		}),
		evidence: [evidence('error.type', type ?? '(none)', 'Stripe error object')],
	};
};

/** GraphQL: `{errors:[{message, locations, path, extensions:{code}}], data}`, often under HTTP 200. */
export const graphql: JsonDetector = (value, { status, headers }) => {
	if (!isRecord(value) || !Array.isArray(value.errors)) return undefined;
	const errors = records(value.errors);
	const first = errors[0];
	if (!first || typeof first.message !== 'string') return undefined;
	// GitHub's GraphQL API sends `{errors:[{type, message}]}` with no `data` for rate limits.
	const looksGraphql =
		'data' in value ||
		errors.some((error) => 'locations' in error || 'path' in error || isRecord(error.extensions)) ||
		(typeof first.type === 'string' && !('status' in first) && !('title' in first));
	if (!looksGraphql) return undefined;
	const code =
		text(first, 'extensions.code', 100) ?? text(first, 'extensions.errorType', 100) ?? text(first, 'type', 100);
	const shopify =
		[...headers.keys()].some((name) => name.startsWith('x-shopify')) || isRecord(member(value, 'extensions.cost'));
	return {
		format: shopify ? 'shopify' : 'graphql',
		vendorCodes: candidates(['errors[].extensions.code', code]),
		hiddenUnder200: status === 200 || status === null,
		fields: compactFields({
			message: errors
				.map((error) => error.message as string)
				.slice(0, 5)
				.join('; '),
			vendorCode: code,
			fieldNames: errors.flatMap((error) => (Array.isArray(error.path) ? [error.path.join('.')] : [])).slice(0, 20),
		}),
		evidence: [
			evidence('errors[0].message', first.message, `${errors.length} GraphQL error(s)`),
			...(code ? [evidence('errors[0].extensions.code', code, 'the machine-readable code')] : []),
		],
	};
};

/** JSON:API: `{errors:[{status, code, title, detail, source:{pointer}}]}`. */
export const jsonapi: JsonDetector = (value, { headers }) => {
	if (!isRecord(value) || !Array.isArray(value.errors)) return undefined;
	const errors = records(value.errors);
	const first = errors[0];
	const byType = mediaType(headers) === 'application/vnd.api+json';
	const byShape =
		first !== undefined &&
		('source' in first || typeof first.status === 'string' || ('title' in first && 'detail' in first));
	if (!first || (!byType && !byShape)) return undefined;
	return {
		format: 'jsonapi',
		...(statusOf(first.status) ? { bodyStatus: statusOf(first.status) as number } : {}),
		vendorCodes: candidates(['errors[].code', text(first, 'code', 100)]),
		fields: compactFields({
			message: [text(first, 'title'), text(first, 'detail')].filter(Boolean).join(': ') || undefined,
			vendorCode: text(first, 'code', 100),
			instance: text(first, 'id', 200),
			fieldNames: errors.flatMap(
				(error) => text(error, 'source.pointer', 200) ?? text(error, 'source.parameter', 200) ?? []
			),
		}),
		evidence: [
			evidence(
				byType ? 'Content-Type' : 'errors[0]',
				byType ? 'application/vnd.api+json' : Object.keys(first).join(','),
				'JSON:API error objects'
			),
		],
	};
};

/** GitHub REST: `{message, documentation_url, errors:[{resource, field, code}], status}`. */
export const github: JsonDetector = (value, { headers }) => {
	if (!isRecord(value) || typeof value.message !== 'string') return undefined;
	const docs = text(value, 'documentation_url', 300);
	if (!docs?.includes('github.com') && !headers.has('x-github-request-id')) return undefined;
	const errors = records(value.errors);
	return {
		format: 'github',
		...(statusOf(value.status) ? { bodyStatus: statusOf(value.status) as number } : {}),
		vendorCodes: candidates(['errors[].code', text(errors[0], 'code', 100)]),
		fields: compactFields({
			message: text(value, 'message'),
			vendorCode: text(errors[0], 'code', 100),
			requestId: headers.get('x-github-request-id'),
			docUrl: docs,
			fieldNames: errors.flatMap((error) => text(error, 'field', 200) ?? []),
		}),
		evidence: [
			evidence(
				docs ? 'documentation_url' : 'x-github-request-id',
				docs ?? headers.get('x-github-request-id'),
				'GitHub REST API error'
			),
		],
	};
};

/** AWS JSON protocols: `{__type, message}` or the `x-amzn-ErrorType` header. */
export const awsJson: JsonDetector = (value, { headers }) => {
	const type = text(value, '__type', 300) ?? headers.get('x-amzn-errortype');
	if (!type) return undefined;
	// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException` and `Type:http://…` suffixes name the same code.
	const code = type.split('#').pop()?.split(':')[0]?.trim() ?? type;
	return {
		format: 'aws',
		vendorCodes: candidates(['__type', code]),
		fields: compactFields({
			message: text(value, 'message') ?? text(value, 'Message'),
			vendorCode: code,
			requestId: headers.get('x-amzn-requestid') ?? headers.get('x-amz-request-id'),
		}),
		evidence: [evidence(text(value, '__type') ? '__type' : 'x-amzn-ErrorType', type, 'AWS error type')],
	};
};

/** Microsoft OData / Graph / Azure: `{error:{code, message, target, details, innererror}}`, `x-ms-error-code`. */
export const odata: JsonDetector = (value, { headers }) => {
	const error = member(value, 'error') ?? member(value, 'odata.error');
	if (!isRecord(error)) return undefined;
	const code = text(error, 'code', 200);
	const message = text(error, 'message') ?? text(error, 'message.value');
	// `{error:{code:"…", message:"…"}}` with a string code is the Microsoft shape (Google's code is a number;
	// Stripe and Integration Labs are recognised before this detector runs).
	if (!code || typeof error.code !== 'string' || message === undefined) return undefined;
	const inner = member(error, 'innererror') ?? member(error, 'innerError');
	return {
		format: 'odata',
		vendorCodes: candidates(
			['error.code', headers.get('x-ms-error-code') ?? code],
			['error.innererror.code', text(inner, 'code', 200)]
		),
		fields: compactFields({
			message,
			vendorCode: code,
			requestId: text(inner, 'request-id', 100) ?? headers.get('request-id') ?? headers.get('x-ms-request-id'),
			traceId: text(inner, 'client-request-id', 100),
			fieldNames: [
				text(error, 'target', 200),
				...records(error.details).map((detail) => text(detail, 'target', 200)),
			].filter((name): name is string => name !== undefined),
		}),
		evidence: [evidence('error.code', code, 'OData/Microsoft error object')],
	};
};

/** Salesforce REST: a top-level array `[{message, errorCode, fields}]`. */
export const salesforce: JsonDetector = (value) => {
	const errors = records(value);
	const first = errors[0];
	if (!first || typeof first.errorCode !== 'string' || typeof first.message !== 'string') return undefined;
	return {
		format: 'salesforce',
		vendorCodes: candidates(['[].errorCode', first.errorCode]),
		fields: compactFields({
			message: errors
				.map((error) => text(error, 'message') ?? '')
				.slice(0, 5)
				.join('; '),
			vendorCode: first.errorCode,
			fieldNames: errors.flatMap((error) =>
				Array.isArray(error.fields) ? error.fields.filter((field): field is string => typeof field === 'string') : []
			),
		}),
		evidence: [evidence('[0].errorCode', first.errorCode, 'Salesforce error array')],
	};
};

/** Slack Web API: `{ok:false, error:"…"}`, usually with HTTP 200. */
export const slack: JsonDetector = (value, { status }) => {
	if (!isRecord(value) || value.ok !== false || typeof value.error !== 'string') return undefined;
	const needed = text(value, 'needed', 200);
	return {
		format: 'slack',
		vendorCodes: candidates(['error', value.error]),
		hiddenUnder200: status === 200 || status === null,
		fields: compactFields({
			message: value.error,
			vendorCode: value.error,
			fieldNames: needed ? [needed] : undefined,
		}),
		evidence: [
			evidence('ok', false, 'Slack reports failure with ok:false'),
			evidence('error', value.error, 'the Slack error code'),
		],
	};
};

/** Twilio: `{code, message, more_info, status}`. */
export const twilio: JsonDetector = (value) => {
	if (!isRecord(value) || typeof value.code !== 'number') return undefined;
	const moreInfo = text(value, 'more_info', 300);
	if (!moreInfo?.includes('twilio.com')) return undefined;
	return {
		format: 'twilio',
		...(statusOf(value.status) ? { bodyStatus: statusOf(value.status) as number } : {}),
		vendorCodes: candidates(['code', String(value.code)]),
		fields: compactFields({ message: text(value, 'message'), vendorCode: String(value.code), docUrl: moreInfo }),
		evidence: [
			evidence('code', value.code, 'Twilio error code'),
			evidence('more_info', moreInfo, 'Twilio’s page for the code'),
		],
	};
};

/** HubSpot: `{status:"error", message, correlationId, category, errors}`. */
export const hubspot: JsonDetector = (value) => {
	if (
		!isRecord(value) ||
		value.status !== 'error' ||
		!('correlationId' in value || 'category' in value || 'policyName' in value)
	)
		return undefined;
	const errors = records(value.errors);
	return {
		format: 'hubspot',
		// A 429's `policyName` (DAILY → quota) says more than its `errorType`, which says more than `category`.
		vendorCodes: candidates(
			['policyName', text(value, 'policyName', 100)],
			['errorType', text(value, 'errorType', 100)],
			['category', text(value, 'category', 100)],
			['subCategory', text(value, 'subCategory', 100)]
		),
		fields: compactFields({
			message: text(value, 'message'),
			vendorCode: text(value, 'category', 100),
			requestId: text(value, 'correlationId', 100),
			docUrl: text(value, 'links.knowledge-base', 300),
			fieldNames: errors.flatMap((error) => {
				const name = member(error, 'context.propertyName');
				return Array.isArray(name) ? name.filter((item): item is string => typeof item === 'string') : [];
			}),
		}),
		evidence: [evidence('category', text(value, 'category') ?? '(none)', 'HubSpot error')],
	};
};

/** Shopify REST: `errors` as a string, a list of strings, or a field map. */
export const shopify: JsonDetector = (value, { headers }) => {
	if (!isRecord(value) || !('errors' in value)) return undefined;
	const errors = value.errors;
	const fromShopify = [...headers.keys()].some((name) => name.startsWith('x-shopify'));
	let message: string | undefined;
	let fieldNames: string[] | undefined;
	if (typeof errors === 'string') message = errors;
	else if (Array.isArray(errors) && errors.every((item) => typeof item === 'string')) message = errors.join('; ');
	else if (isRecord(errors) && Object.values(errors).every((item) => Array.isArray(item) || typeof item === 'string')) {
		fieldNames = Object.keys(errors);
		message = Object.entries(errors as JsonRecord)
			.map(([field, messages]) => `${field} ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`)
			.join('; ');
	} else return undefined;
	if (message === undefined) return undefined;
	return {
		format: 'shopify',
		fields: compactFields({ message: message.slice(0, 2000), requestId: headers.get('x-request-id'), fieldNames }),
		evidence: [
			evidence(
				'errors',
				typeof errors === 'string' ? errors : Array.isArray(errors) ? 'list of messages' : 'map of field → messages',
				fromShopify ? 'Shopify REST errors (x-shopify headers)' : 'Shopify-style `errors` member'
			),
		],
	};
};

/** RFC 9457 / 7807 problem details: `application/problem+json` or the members' shape. */
export const problemDetails: JsonDetector = (value, { headers }) => {
	if (!isRecord(value)) return undefined;
	const byType = mediaType(headers) === 'application/problem+json';
	const members = ['type', 'title', 'status', 'detail', 'instance'].filter((key) => key in value);
	const byShape =
		members.length >= 2 && (typeof value.title === 'string' || typeof value.type === 'string') && !('error' in value);
	if (!byType && !byShape) return undefined;
	// RFC 9457 §3.1: a member of the wrong JSON type MUST be ignored.
	const type = text(value, 'type', 500);
	const status = statusOf(value.status);
	return {
		format: 'rfc9457',
		...(status && typeof value.status === 'number' ? { bodyStatus: status } : {}),
		vendorCodes: candidates(['type', type]),
		fields: compactFields({
			message: text(value, 'detail') ?? text(value, 'title'),
			vendorCode: type,
			instance: text(value, 'instance', 500),
			traceId: text(value, 'traceId', 200),
			docUrl: type && /^https?:\/\//.test(type) ? type : undefined,
			fieldNames: [
				...[...records(value.errors), ...records(value['invalid-params'])].flatMap(
					(error) => text(error, 'pointer', 200) ?? text(error, 'name', 200) ?? text(error, 'field', 200) ?? []
				),
				// ASP.NET's ValidationProblemDetails: `errors` maps field names to messages.
				...(isRecord(value.errors) ? Object.keys(value.errors).slice(0, 50) : []),
			],
		}),
		evidence: [
			evidence(
				byType ? 'Content-Type' : 'members',
				byType ? 'application/problem+json' : members.join(', '),
				'RFC 9457 problem details'
			),
		],
	};
};
