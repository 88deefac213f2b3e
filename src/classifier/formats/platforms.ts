/**
 * The five platforms of the catalog (SPEC §1), each recognised by the
 * envelope its docs describe and matched to its catalog entry by wire code.
 */
import type { ClassifierData } from '../data.ts';
import { isRecord, member, records, statusOf, text } from '../json-path.ts';
import { compactFields, evidence, type Detection, type JsonDetector } from './detection.ts';

function wireCodes(data: ClassifierData, source: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const code of data.codes) if (code.source === source && code.wireCode) map.set(code.wireCode, code.id);
	return map;
}

/** `{"error":{"code":"missing-params","message":"…","platform_error":"…"}}` */
export const integrationLabs: JsonDetector = (value, { data }) => {
	const error = member(value, 'error');
	if (!isRecord(error)) return undefined;
	const code = text(error, 'code', 100);
	const known = code ? wireCodes(data, 'integration-labs').get(code) : undefined;
	if (!known && !('platform_error' in error)) return undefined;
	const detection: Detection = {
		format: 'integration-labs',
		source: 'integration-labs',
		...(known ? { catalogId: known } : {}),
		fields: compactFields({
			message: text(error, 'message'),
			vendorCode: code,
			requestId: text(value, 'request_id', 200),
			fieldNames: fieldFromMessage(text(error, 'message')),
		}),
		evidence: [
			evidence('error.code', code ?? '(none)', known ? `Integration Labs code ${code}` : 'Integration Labs envelope'),
			...('platform_error' in error
				? [evidence('error.platform_error', '(present)', 'Integration Labs relays the platform error here')]
				: []),
		],
	};
	const platformError = text(error, 'platform_error', 500);
	if (platformError) {
		detection.notes = [
			`The accounting or commerce platform said: “${platformError}”. Integration Labs maps that text to its code with an LLM, so check it against the code.`,
		];
	}
	return detection;
};

/** "Missing required field: contact_id. …" → contact_id (the documented message formats). */
function fieldFromMessage(message: string | undefined): string[] | undefined {
	const match =
		message &&
		/^(?:Missing required field|Invalid field|Record already exists with given):\s*([\w.[\]-]{1,100})/.exec(message);
	return match?.[1] ? [match[1].replace(/\.+$/, '')] : undefined;
}

const INTEGRY_DETAILS: Record<string, string> = {
	'authentication credentials were not provided.': 'credentials-not-provided',
	'app not found': 'app-not-found',
	'function not found': 'function-not-found',
};

/** Integry: the relay `{network_code, output}`, function-not-run `{error, error_details}`, and `{detail}`. */
export const integry: JsonDetector = (value) => {
	if (!isRecord(value)) return undefined;
	if ('network_code' in value && 'output' in value) {
		const inner = statusOf(value.network_code) ?? null;
		const id = inner === null ? undefined : inner >= 500 ? 'network-5xx' : `network-${inner}`;
		return {
			format: 'integry',
			source: 'integry',
			...(id ? { catalogId: id } : {}),
			relayed: { status: inner, body: value.output },
			hiddenUnder200: true,
			fields: {},
			evidence: [evidence('network_code', value.network_code, 'Integry relays the connected app’s HTTP status here')],
			notes: [
				`Integry ran the function and answered HTTP 200; the app behind it answered ${inner ?? 'an unknown status'}. The app’s own body is in \`output\`.`,
			],
		};
	}
	if (typeof value.error === 'string' && 'error_details' in value) {
		const details = value.error_details;
		const fieldNames = isRecord(details) ? Object.keys(details).slice(0, 50) : undefined;
		const detailText = Array.isArray(details)
			? details.filter((item): item is string => typeof item === 'string').join(' ')
			: isRecord(details)
				? Object.entries(details)
						.map(([field, message]) => `${field}: ${String(message)}`)
						.join('; ')
				: '';
		return {
			format: 'integry',
			source: 'integry',
			catalogId: 'function-not-run',
			fields: compactFields({
				message: [value.error, detailText].filter(Boolean).join(' ').slice(0, 2000),
				fieldNames,
			}),
			evidence: [
				evidence('error_details', details, 'Integry did not run the function: invalid input or app not connected'),
			],
		};
	}
	const detail = text(value, 'detail', 300);
	const id = detail ? INTEGRY_DETAILS[detail.toLowerCase()] : undefined;
	if (id && Object.keys(value).length === 1) {
		return {
			format: 'integry',
			source: 'integry',
			catalogId: id,
			fields: { message: detail as string },
			evidence: [evidence('detail', detail, 'a documented Integry detail message')],
		};
	}
	return undefined;
};

const LOG_CODE = /^(\d{4})([NWE])$/;
const LOG_RANGES: [number, number, string][] = [
	[1000, 1999, 'Data'],
	[2000, 2999, 'Logic'],
	[3000, 3999, 'Filter'],
	[4000, 4999, 'Contact (external system)'],
	[5000, 5999, 'Exchange'],
];
const LOG_LEVELS: Record<string, string> = { N: 'information', W: 'warning', E: 'error' };

/** Reads a SyncHive logCode such as `4005E`: number range and level. */
export function readLogCode(logCode: string): string | undefined {
	const match = LOG_CODE.exec(logCode.trim());
	if (!match) return undefined;
	const number = Number(match[1]);
	const range = LOG_RANGES.find(([from, to]) => number >= from && number <= to)?.[2] ?? 'an undocumented range';
	return `logCode ${logCode}: event ${number} in the ${range} range, level ${LOG_LEVELS[match[2] as string]}.`;
}

/** SyncHive problem bodies: retry-later, publish-error, process-error, pause-integration. */
export const synchive: JsonDetector = (value, { data }) => {
	if (!isRecord(value)) return undefined;
	const type = text(value, 'type', 300);
	const typeCode = text(value, 'typeCode', 100);
	const byType = new Map<string, string>();
	for (const code of data.codes)
		if (code.source === 'synchive' && code.wireCode?.startsWith('http')) byType.set(code.wireCode, code.id);
	let id = type ? byType.get(type) : undefined;
	if (!id && typeCode === 'RETRY_LATER') id = 'retry-later';
	if (!id && typeCode === 'PAUSE_INTEGRATION') id = 'pause-integration';
	if (!id) return synchiveNotification(value);
	const detection: Detection = {
		format: 'synchive',
		source: 'synchive',
		catalogId: id,
		fields: compactFields({
			message: text(value, 'detail') ?? text(value, 'message'),
			vendorCode: typeCode ?? text(value, 'logCode', 20),
			instance: text(value, 'uuid', 100),
			docUrl: type,
		}),
		evidence: [evidence(type ? 'type' : 'typeCode', type ?? typeCode, `SyncHive ${id}`)],
		notes: [],
	};
	const status = statusOf(value.status);
	if (status) detection.bodyStatus = status;
	if (typeof value.retryable === 'boolean') {
		detection.retryable = value.retryable;
		detection.evidence.push(
			evidence(
				'retryable',
				value.retryable,
				value.retryable ? 'the connector asks for a retry' : 'the connector says a retry will not help'
			)
		);
	} else if (id === 'publish-error' || id === 'process-error') {
		// The contract: `retryable` is set to true when retrying helps; absent means it does not.
		detection.retryable = false;
		detection.evidence.push(
			evidence('retryable', '(absent)', 'no retryable flag: SyncHive treats it as not retryable')
		);
	}
	const logCode = text(value, 'logCode', 20);
	const reading = logCode ? readLogCode(logCode) : undefined;
	if (logCode)
		detection.evidence.push(evidence('logCode', logCode, reading ?? 'not in the documented NNNN + N/W/E form'));
	if (reading) detection.notes?.push(reading);
	const technical = text(value, 'technicalInfo', 500);
	if (technical) detection.notes?.push(`Technical information: ${technical}`);
	const links = member(value, 'linkIdentities.linkIdentities');
	if (Array.isArray(links) && links.length > 0) {
		detection.notes?.push(
			`Partial success: ${links.length} external id${links.length === 1 ? '' : 's'} linked back to SyncHive (linkIdentities) before the failure.`
		);
		detection.evidence.push(evidence('linkIdentities.linkIdentities', `${links.length} item(s)`, 'partial success'));
	}
	if (id === 'pause-integration') {
		const minutes = typeof value.backoffPeriodInMinutes === 'number' ? value.backoffPeriodInMinutes : 2;
		detection.retryAfterSeconds = Math.max(0, Math.round(minutes * 60));
		detection.evidence.push(
			evidence(
				'backoffPeriodInMinutes',
				'backoffPeriodInMinutes' in value ? value.backoffPeriodInMinutes : '(absent: default 2)',
				`pause for ${minutes} minute(s)`
			)
		);
	}
	return detection;
};

/**
 * A notification (`PUT /v1/notification`, event `REFERENCE_WONT_RESOLVE`) or a
 * connector's reply to one (`{"notificationType":"CONTINUE"|"CANCEL_PUBLISH"}`).
 */
function synchiveNotification(value: Record<string, unknown>): Detection | undefined {
	const reply = text(value, 'notificationType', 50);
	const event = text(value, 'event.type', 100);
	if (event !== 'REFERENCE_WONT_RESOLVE' && reply !== 'CONTINUE' && reply !== 'CANCEL_PUBLISH') return undefined;
	return {
		format: 'synchive',
		source: 'synchive',
		catalogId: 'reference-wont-resolve',
		fields: compactFields({ vendorCode: event ?? reply }),
		evidence: [
			reply
				? evidence(
						'notificationType',
						reply,
						reply === 'CONTINUE'
							? 'the connector lets SyncHive publish without the reference'
							: 'the connector cancels the publish'
					)
				: evidence('event.type', event, 'SyncHive could not resolve a reference for the connector'),
		],
	};
}

const BOTPRESS_ID = /^err_/;

/** Botpress `{id, code, type, message, metadata}` and the older `{type, description, status}`. */
export const botpress: JsonDetector = (value, { data }) => {
	if (!isRecord(value)) return undefined;
	const type = text(value, 'type', 100);
	const id = type ? wireCodes(data, 'botpress').get(type) : undefined;
	if (!id) return undefined;
	const current =
		typeof value.code === 'number' && (typeof value.message === 'string' || BOTPRESS_ID.test(String(value.id ?? '')));
	const older = typeof value.description === 'string' && statusOf(value.status) !== undefined;
	if (!current && !older) return undefined;
	const bodyStatus = statusOf(value.code) ?? statusOf(value.status);
	return {
		format: 'botpress',
		source: 'botpress',
		catalogId: id,
		...(bodyStatus ? { bodyStatus } : {}),
		fields: compactFields({
			message: text(value, 'message') ?? text(value, 'description'),
			vendorCode: type,
			instance: text(value, 'id', 100),
		}),
		evidence: [evidence('type', type, `Botpress error type ${type}`)],
	};
};

/**
 * Datafold problem details (`type` `/errors/…`) and FastAPI's 422
 * `{"detail":[{loc,msg,type}]}`. The envelope is RFC 9457 (format `rfc9457`)
 * or FastAPI's (`json`, not an envelope of the SPEC's list); the source is Datafold.
 */
export const datafold: JsonDetector = (value, { status, data }) => {
	if (!isRecord(value)) return undefined;
	const type = text(value, 'type', 300);
	if (type?.startsWith('/errors/')) {
		const known = wireCodes(data, 'datafold').get(type);
		const bodyStatus = statusOf(value.status);
		const id = known ?? datafoldByStatus(bodyStatus ?? status);
		return {
			format: 'rfc9457',
			source: 'datafold',
			...(id ? { catalogId: id } : {}),
			...(bodyStatus ? { bodyStatus } : {}),
			fields: compactFields({
				message: text(value, 'detail') ?? text(value, 'title'),
				vendorCode: type,
				instance: text(value, 'instance', 300),
				fieldNames: records(value.errors).flatMap((error) => text(error, 'field', 100) ?? []),
			}),
			evidence: [
				evidence(
					'type',
					type,
					known ? `Datafold problem type ${type}` : 'a Datafold-style relative problem type; entry chosen by status'
				),
			],
		};
	}
	const details = records(value.detail);
	if (details.length > 0 && details.every((item) => Array.isArray(item.loc) && typeof item.msg === 'string')) {
		return {
			format: 'json',
			source: 'datafold',
			catalogId: 'invalid-input',
			fields: compactFields({
				message: details
					.map((item) => item.msg as string)
					.slice(0, 10)
					.join('; '),
				vendorCode: text(details[0], 'type', 100),
				fieldNames: details
					.map((item) => (item.loc as unknown[]).filter((part) => part !== 'body').join('.'))
					.filter(Boolean),
			}),
			evidence: [
				evidence(
					'detail[].loc',
					details[0]?.loc,
					'FastAPI validation errors: the 422 shape Datafold’s API reference declares (other FastAPI services send it too)'
				),
			],
		};
	}
	return undefined;
};

/** Datafold's documented status conventions, for problem types it does not name. */
function datafoldByStatus(status: number | null | undefined): string | undefined {
	const byStatus: Record<number, string> = {
		400: 'client-error',
		401: 'authentication-required',
		403: 'access-denied',
		404: 'not-found',
		409: 'integrity',
		422: 'invalid-input',
		500: 'server-error',
	};
	return status ? byStatus[status] : undefined;
}
