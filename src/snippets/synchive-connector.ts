/**
 * A SyncHive connector's side of the error contract: which of SyncHive's
 * answers to retry, and the replies a connector sends back when SyncHive's
 * `PUT /v1/data` (publish), `PUT /v1/process` or `PUT /v1/notification`
 * calls cannot be handled. Type URIs, members and statuses are SyncHive's
 * documented ones; the numbers inside each log-code range are the
 * connector's own choice.
 */

export const RETRY_LATER = 'http://www.meaningful.co.nz/limber-sync/retry-later';
export const PUBLISH_ERROR = 'http://www.synchive.com/common/publish-error';
export const PROCESS_ERROR = 'http://www.synchive.com/common/process-error';
export const PAUSE_INTEGRATION = 'http://www.synchive.com/common/pause-integration';

export interface JsonReply {
	status: number;
	headers: Record<string, string>;
	body: Record<string, unknown>;
}

const json = (status: number, body: Record<string, unknown>): JsonReply => ({
	status,
	headers: { 'content-type': 'application/json' },
	body,
});

/**
 * Requests to SyncHive: retry the retry-later problem and 502, 503 and 504.
 * Nothing else is documented as retryable, so every other failure is final.
 */
export function shouldRetrySyncHive(status: number, body: unknown): boolean {
	if ([502, 503, 504].includes(status)) return true;
	if (typeof body !== 'object' || body === null) return false;
	const { type, typeCode } = body as Record<string, unknown>;
	return type === RETRY_LATER || typeCode === 'RETRY_LATER';
}

/** The log-code areas and where each range starts. */
export const LOG_AREAS = {
	data: 1000,
	logic: 2000,
	filter: 3000,
	contact: 4000,
	exchange: 5000,
} as const;
export type LogArea = keyof typeof LOG_AREAS;
/** N info, W warning, E error. */
export type LogLevel = 'N' | 'W' | 'E';

/** `logCode('contact', 5, 'E')` is `4005E`: the area's range start plus your number, then the level. */
export function logCode(area: LogArea, number: number, level: LogLevel): string {
	if (!Number.isInteger(number) || number < 0 || number > 999) {
		throw new RangeError(`A log-code number is 0–999 within its area, not ${number}`);
	}
	return `${LOG_AREAS[area] + number}${level}`;
}

/** Reads a log code back into its area, number and level; `null` when it is not four digits and N, W or E. */
export function readLogCode(code: string): { area: LogArea; number: number; level: LogLevel } | null {
	const match = /^([1-5])(\d{3})([NWE])$/.exec(code);
	if (!match) return null;
	const start = Number(match[1]) * 1000;
	const area = (Object.keys(LOG_AREAS) as LogArea[]).find((name) => LOG_AREAS[name] === start);
	if (!area) return null;
	return { area, number: Number(match[2]), level: match[3] as LogLevel };
}

export interface ConnectorFailure {
	/** Shown to the end user as it is: say what failed and what they can do. */
	detail: string;
	logCode: string;
	/** The external system's own error, for the end user who wants more. */
	technicalInfo?: string;
	/** `true` only when another attempt of the same message can succeed. */
	retryable: boolean;
}

export interface LinkIdentities {
	integrationKey: string;
	linkIdentities: { iri: string; externalId: string }[];
}

function failureBody(type: string, failure: ConnectorFailure): Record<string, unknown> {
	return {
		type,
		detail: failure.detail,
		logCode: failure.logCode,
		...(failure.technicalInfo === undefined ? {} : { technicalInfo: failure.technicalInfo }),
		retryable: failure.retryable,
	};
}

/** The reply to a failed `PUT /v1/data`; `links` reports the records that were created before the failure. */
export function publishError(failure: ConnectorFailure, links?: LinkIdentities): JsonReply {
	const body = failureBody(PUBLISH_ERROR, failure);
	if (links && links.linkIdentities.length > 0) body.linkIdentities = links;
	return json(500, body);
}

/** The reply to a failed `PUT /v1/process`: the same members, without `linkIdentities`. */
export function processError(failure: ConnectorFailure): JsonReply {
	return json(500, failureBody(PROCESS_ERROR, failure));
}

/**
 * The reply that pauses publishing to this integration after the external
 * system rate-limited the connector. Without `backoffPeriodInMinutes`,
 * SyncHive pauses for its default of 2 minutes.
 */
export function pauseIntegration(message: string, servicePath: string, backoffPeriodInMinutes?: number): JsonReply {
	return json(400, {
		type: PAUSE_INTEGRATION,
		typeCode: 'PAUSE_INTEGRATION',
		status: 400,
		message,
		...(backoffPeriodInMinutes === undefined ? {} : { backoffPeriodInMinutes }),
		'service-path': servicePath,
	});
}

/** Whole minutes that cover a wait given in seconds (from `Retry-After` or a reset header), at least 1. */
export function minutesCovering(seconds: number): number {
	return Math.max(1, Math.ceil(seconds / 60));
}

/** The reply to a `REFERENCE_WONT_RESOLVE` notification: try saving again, or stop trying. */
export function notificationReply(decision: 'CONTINUE' | 'CANCEL_PUBLISH'): JsonReply {
	return json(200, { notificationType: decision });
}

export interface UpstreamFailure {
	/** The external system's HTTP status, or `null` when it could not be reached at all. */
	status: number | null;
	/** Seconds the external system asked to wait, if it said. */
	retryAfterSeconds: number | null;
	/** The external system's own error text. */
	message: string;
}

/**
 * One way to turn an external system's failure during a publish into the
 * reply SyncHive expects. The log-code numbers are this connector's choice;
 * only the ranges and levels are SyncHive's.
 */
export function replyToPublishFailure(
	upstream: UpstreamFailure,
	system: string,
	servicePath: string,
	links?: LinkIdentities
): JsonReply {
	const technicalInfo = `${system} answered ${upstream.status ?? 'nothing'}: ${upstream.message}`;
	if (upstream.status === 429) {
		const minutes = upstream.retryAfterSeconds === null ? undefined : minutesCovering(upstream.retryAfterSeconds);
		return pauseIntegration(`${system} rate limit reached (HTTP 429).`, servicePath, minutes);
	}
	if (upstream.status === 401 || upstream.status === 403) {
		return publishError(
			{
				detail: `Could not connect to ${system}.\nThe credentials stored for the integration were refused.\nUpdate them in the integration's settings and try again.`,
				logCode: logCode('contact', 5, 'E'),
				technicalInfo,
				retryable: false,
			},
			links
		);
	}
	if (upstream.status === null || upstream.status >= 500) {
		return publishError(
			{
				detail: `${system} did not respond.\nThe delivery can be retried once ${system} is available again.`,
				logCode: logCode('contact', 3, 'E'),
				technicalInfo,
				retryable: true,
			},
			links
		);
	}
	return publishError(
		{
			detail: `${system} rejected the data.\nCorrect the record and send it again.`,
			logCode: logCode('data', 10, 'E'),
			technicalInfo,
			retryable: false,
		},
		links
	);
}
