/**
 * What the classifier says about a response (SPEC §3). Plain data: the
 * playground renders it, the CLI prints it, `--json` serialises it as is.
 */
import type { CategoryId, RetryWhen } from '../catalog/schema.ts';

/**
 * The envelope recognised (SPEC §3 `format`): the id of a catalog source
 * with a wire format, or one of these generic shapes. Source ids are data,
 * so the type is a string; these are the shapes the code itself knows.
 */
export const GENERIC_FORMATS = ['html', 'text', 'json'] as const;
export type Format = string;

/** Which input form was recognised. */
export type InputKind = 'http-response' | 'body' | 'response-object' | 'har' | 'empty';

export interface ExtractedFields {
	/** The human message, as sent (prose: shown, never parsed). */
	message?: string;
	/** The vendor's own code or type, exactly as on the wire. */
	vendorCode?: string;
	/** Request or correlation id to quote to support. */
	requestId?: string;
	traceId?: string;
	/** RFC 9457 `instance`, Datafold's problem id, Botpress's `err_…` id. */
	instance?: string;
	/** A documentation link sent with the error (`doc_url`, `more_info`, `documentation_url`, `type`). */
	docUrl?: string;
	/** Names of the request fields the error points at. */
	fieldNames?: string[];
}

export interface Evidence {
	/** Where the fact came from: a JSON path, a header name, `status line`, `message`. */
	field: string;
	value: string;
	/** What it led to. */
	rule: string;
}

export interface Links {
	code?: string;
	status?: string;
	category?: string;
	source?: string;
}

export interface Classification {
	input: InputKind;
	format: Format;
	/** The catalog source matched, if any. */
	source: string | null;
	/** The qualified catalog code matched, if any (`synchive/retry-later`). */
	code: string | null;
	status: number | null;
	category: CategoryId | 'unknown';
	retryable: boolean | null;
	/**
	 * When `retryable` is true: `always` (the request was not processed) or
	 * `idempotent` (it may have been: retry only an idempotent request, or one
	 * with an idempotency key); else null (SPEC §3).
	 */
	retryWhen: RetryWhen | null;
	/** Why the retry verdict is what it is, in one sentence. */
	retryReason: string;
	retryAfterSeconds: number | null;
	/**
	 * How sure the recognition is: `high` when a catalog code or vendor code
	 * matched, `medium` when only the envelope or status told, `low` when only
	 * words of the message did, or nothing did.
	 */
	confidence: 'high' | 'medium' | 'low';
	title: string;
	explanation: string;
	nextSteps: string[];
	fields: ExtractedFields;
	evidence: Evidence[];
	links: Links;
	/**
	 * A relayed failure under the outer response (Integry's `network_code`,
	 * GraphQL or Slack errors under HTTP 200): the outer layer, described.
	 */
	envelope?: { format: Format; status: number | null; note: string };
	/**
	 * The relayed error inside this one (Integry `output`, Integration Labs
	 * `platform_error`, a SyncHive reply's `technicalInfo`), classified the
	 * same way (SPEC §3 `inner`).
	 */
	inner?: Classification;
}
