/**
 * Words for the catalog's enumerations, shared by the pages, the playground
 * and the CLI so a verdict reads the same everywhere.
 */
import type { Actor } from './schema.ts';

export type RetryVerdict = 'retry' | 'do-not-retry' | 'depends';

export function retryVerdict(retryable: boolean | null): RetryVerdict {
	return retryable === null ? 'depends' : retryable ? 'retry' : 'do-not-retry';
}

export const RETRY_LABELS: Record<RetryVerdict, string> = {
	retry: 'Retry',
	'do-not-retry': 'Do not retry: fix first',
	depends: 'Depends',
};

export const ACTOR_LABELS: Record<Actor, string> = {
	caller: 'You, the caller',
	'end-user': 'The end user',
	platform: 'The platform',
	'third-party': 'The third-party app',
};

/** Field roles: a short label for tables, and what the role asks of a client. */
export const FIELD_ROLE_LABELS = {
	contract: { label: 'Contract', advice: 'stable, branch on it' },
	identifier: { label: 'Identifier', advice: 'opaque, quote it to support' },
	prose: { label: 'Prose', advice: 'for people, never parse it' },
	hint: { label: 'Hint', advice: 'optional extra information' },
} as const;
