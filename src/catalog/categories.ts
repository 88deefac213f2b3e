/**
 * What each canonical category means (SPEC §1). The ids live in the schema;
 * this module adds the words and the statuses people associate with each.
 */
import type { CategoryId, RetryWhen } from './schema.ts';

export interface CategoryInfo {
	id: CategoryId;
	title: string;
	meaning: string;
	/** Statuses that usually carry this category, for the category page. */
	typicalStatuses: readonly number[];
	/** What a client should do about an error of this category, in one line. */
	handling: string;
	/**
	 * When a retryable error of this category may be retried, unless its code or
	 * status says otherwise: `always` when the failure means the request was not
	 * carried out (throttled, locked, the service refused it), else `idempotent`.
	 */
	retryWhen: RetryWhen;
}

export const CATEGORIES: readonly CategoryInfo[] = [
	{
		id: 'authentication',
		title: 'Authentication',
		meaning: 'Credentials are missing, invalid or expired.',
		typicalStatuses: [401],
		handling: 'Do not retry as is: refresh or re-enter the credentials, then send the request again.',
		retryWhen: 'idempotent',
	},
	{
		id: 'permission',
		title: 'Permission',
		meaning: 'The caller is authenticated but not allowed to do this; the operation is denied.',
		typicalStatuses: [403],
		handling: 'Do not retry: grant the missing scope or role, or ask the account owner to.',
		retryWhen: 'idempotent',
	},
	{
		id: 'not-found',
		title: 'Not found',
		meaning: 'The addressed resource does not exist, or is gone.',
		typicalStatuses: [404, 410],
		handling: 'Do not retry: check the id or path; for 410, drop your reference to the resource.',
		retryWhen: 'idempotent',
	},
	{
		id: 'validation',
		title: 'Validation',
		meaning: 'Missing or invalid parameters, a malformed body, or schema and format errors.',
		typicalStatuses: [400, 422],
		handling: 'Do not retry as is: fix the named field or payload and send it again.',
		retryWhen: 'idempotent',
	},
	{
		id: 'conflict',
		title: 'Conflict',
		meaning:
			'The record already exists or is a duplicate, or the request conflicts with a version, a relation or a reference constraint.',
		typicalStatuses: [409, 412],
		handling: 'Do not retry blindly: fetch the current state, then update, link or skip instead of creating again.',
		retryWhen: 'always',
	},
	{
		id: 'locked',
		title: 'Locked',
		meaning: 'The resource is temporarily locked by another operation.',
		typicalStatuses: [423, 409],
		handling: 'Retry after a short delay with backoff, once the lock is released.',
		retryWhen: 'always',
	},
	{
		id: 'rate-limit',
		title: 'Rate limit',
		meaning: 'Too many requests in a window of time.',
		typicalStatuses: [429],
		handling: 'Retry after the time the response names (Retry-After, reset headers), else back off exponentially.',
		retryWhen: 'always',
	},
	{
		id: 'quota',
		title: 'Quota',
		meaning: 'A soft quota or usage limit is used up; it can usually be raised.',
		typicalStatuses: [403, 429],
		handling: 'Do not retry until the quota resets or is raised on the account.',
		retryWhen: 'always',
	},
	{
		id: 'payment',
		title: 'Payment',
		meaning: 'Payment is required, or a billing or card operation failed.',
		typicalStatuses: [402],
		handling: 'Do not retry: fix the billing or payment method first.',
		retryWhen: 'idempotent',
	},
	{
		id: 'too-large',
		title: 'Too large',
		meaning: 'The payload, or a hard limit, is too large.',
		typicalStatuses: [413],
		handling: 'Do not retry as is: split or shrink the request.',
		retryWhen: 'idempotent',
	},
	{
		id: 'unsupported',
		title: 'Unsupported',
		meaning: 'An unsupported media type or method, or something not implemented.',
		typicalStatuses: [405, 406, 415, 501],
		handling: 'Do not retry: change the method, content type or feature used.',
		retryWhen: 'idempotent',
	},
	{
		id: 'upstream',
		title: 'Upstream',
		meaning: 'The third-party platform behind the API failed or denied the request.',
		typicalStatuses: [400, 502],
		handling: 'Read the relayed error from the third-party app; who acts depends on what it says.',
		retryWhen: 'idempotent',
	},
	{
		id: 'unavailable',
		title: 'Unavailable',
		meaning: 'The service is down, a gateway failed, it is under maintenance, or it asks to retry later.',
		typicalStatuses: [502, 503],
		handling: 'Retry with exponential backoff and jitter, honouring Retry-After.',
		retryWhen: 'always',
	},
	{
		id: 'timeout',
		title: 'Timeout',
		meaning: 'A gateway or upstream timed out, or a deadline was exceeded.',
		typicalStatuses: [504, 408],
		handling: 'Retry with backoff if the operation is idempotent; otherwise check whether it took effect first.',
		retryWhen: 'idempotent',
	},
	{
		id: 'internal',
		title: 'Internal',
		meaning: 'An unexpected error on the server.',
		typicalStatuses: [500],
		handling: 'Retry idempotent requests a few times with backoff; report persistent errors with the request id.',
		retryWhen: 'idempotent',
	},
];

export function categoryInfo(id: CategoryId): CategoryInfo {
	const info = CATEGORIES.find((category) => category.id === id);
	// The schema's enum and this table are kept in step by a unit test; this only guards a bad cast.
	if (!info) throw new Error(`Unknown category: ${id}`);
	return info;
}
