/**
 * What a format detector reports: the envelope it recognised and the facts it
 * read from it. Detectors only read; deciding category and retry is
 * `classify.ts`'s job, from these facts and the catalog's tables.
 */
import type { ClassifierData } from '../data.ts';
import type { Headers } from '../headers.ts';
import type { Evidence, ExtractedFields, Format } from '../result.ts';

export interface VendorCodeCandidate {
	/** The member that carries it, as in the catalog's vendor tables (`error.code`). */
	field: string;
	value: string;
	/**
	 * A broad class rather than a code (Stripe's `error.type`): it decides only
	 * when the HTTP status does not, since Stripe sends `invalid_request_error`
	 * with 400, 401 and 404 alike.
	 */
	coarse?: boolean;
}

export interface Detection {
	format: Format;
	/** Catalog source and entry id, for the five platforms. */
	source?: string;
	catalogId?: string;
	/** Vendor codes, most specific first, to look up in the format's table. */
	vendorCodes?: VendorCodeCandidate[];
	/** A status written in the body (problem details, Botpress `code`, Slack has none). */
	bodyStatus?: number;
	/** An explicit retry flag in the body (SyncHive's `retryable`). */
	retryable?: boolean;
	retryAfterSeconds?: number;
	fields: ExtractedFields;
	evidence: Evidence[];
	/** Sentences that explain what only this envelope says (logCode readings, partial success). */
	notes?: string[];
	/** A relayed response inside this one (Integry's `output` with its `network_code`). */
	relayed?: { status: number | null; body: unknown };
	/** The HTTP layer hides this failure (HTTP 200 with errors inside). */
	hiddenUnder200?: boolean;
}

export interface DetectContext {
	status: number | null;
	headers: Headers;
	data: ClassifierData;
}

export type JsonDetector = (value: unknown, context: DetectContext) => Detection | undefined;

export function evidence(field: string, value: unknown, rule: string): Evidence {
	const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return { field, value: shown.length > 200 ? `${shown.slice(0, 200)}…` : shown, rule };
}

/** Extracted fields as detectors gather them: any member may be missing. */
export type LooseFields = { [K in keyof ExtractedFields]?: ExtractedFields[K] | undefined };

/** Drops undefined members and empty lists so results serialise cleanly. */
export function compactFields(fields: LooseFields): ExtractedFields {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
	) as ExtractedFields;
}
