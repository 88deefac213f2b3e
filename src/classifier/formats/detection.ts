/**
 * What recognising a response yields: the envelope and sender, the catalog
 * entry its code names, and the facts read from it. Recognition only reads;
 * deciding category and retry is `classify.ts`'s job.
 */
import type { ClassifierCode } from '../data.ts';
import type { Evidence, ExtractedFields, Format } from '../result.ts';

export interface Detection {
	format: Format;
	/** The catalog source that sent it, when recognised. */
	source?: string;
	/** The catalog entry its code (or its shape, or its status) names. */
	code?: ClassifierCode;
	/**
	 * The code is a broad class rather than a code (Stripe's `error.type`): it
	 * decides only when the HTTP status does not, since Stripe sends
	 * `invalid_request_error` with 400, 401 and 404 alike.
	 */
	coarse?: boolean;
	/** A status written in the body (problem details, Botpress `code`). */
	bodyStatus?: number;
	/** An explicit retry flag in the body (SyncHive's `retryable`). */
	retryable?: boolean;
	retryAfterSeconds?: number;
	fields: ExtractedFields;
	evidence: Evidence[];
	/** Further words about the failure (per-field errors, a relayed platform's text) for the message vocabulary. */
	details?: string[];
	/** Sentences that explain what only this envelope says (code scheme readings, partial success). */
	notes?: string[];
	/** A response relayed inside this one (Integry's `output`), to classify again. */
	relayed?: { body: unknown; status: number | null; sender: string; hasStatus: boolean };
	/** The HTTP layer hides this failure (HTTP 200 with errors inside). */
	hiddenUnder200?: boolean;
}

export function evidence(field: string, value: unknown, rule: string): Evidence {
	const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return { field, value: shown.length > 200 ? `${shown.slice(0, 200)}…` : shown, rule };
}

/** Extracted fields as they are gathered: any member may be missing. */
export type LooseFields = { [K in keyof ExtractedFields]?: ExtractedFields[K] | undefined };

/** Drops undefined members and empty lists so results serialise cleanly. */
export function compactFields(fields: LooseFields): ExtractedFields {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
	) as ExtractedFields;
}
