/**
 * Integration Labs reports read failures and write failures in two
 * different places: a failed read marks a data model `FAILED` in the sync
 * status, while a v3 bulk write answers with one result per record. These
 * helpers find the failures in each.
 */

/** One data model's entry in a sync's status, with the fields Integration Labs documents. */
export interface DataModelSync {
	sync_id: string;
	data_model: string;
	total_count: number;
	success_count: number;
	failed_count: number;
	running_count: number;
	pending_count: number;
	start_time: string | null;
	end_time: string | null;
	status: string;
}

export interface ReadFailure {
	dataModel: string;
	syncId: string;
	failed: number;
	total: number;
}

/**
 * The data models whose read failed. `status: FAILED` is the documented
 * signal; a model that finished with some failed records is reported too,
 * since its data is incomplete.
 */
export function failedReads(models: readonly DataModelSync[]): ReadFailure[] {
	return models
		.filter((model) => model.status === 'FAILED' || model.failed_count > 0)
		.map((model) => ({
			dataModel: model.data_model,
			syncId: model.sync_id,
			failed: model.failed_count,
			total: model.total_count,
		}));
}

/** The documented error object of a write API. */
export interface WriteError {
	code: string;
	message: string;
	platform_error: string;
}

/** One record's result in a v3 bulk write. */
export interface RecordResult {
	job_id: string;
	status: string;
	response: unknown;
	error: unknown;
}

export interface BulkWriteResponse {
	data: { status: string; upload_job_id: string; data: RecordResult[] };
	request_id: string;
}

export interface SortedResults {
	written: { index: number; jobId: string; response: unknown }[];
	failed: { index: number; jobId: string; error: WriteError | null; raw: unknown }[];
}

/** Whether a value has the shape of the documented `{code, message, platform_error}` object. */
export function isWriteError(value: unknown): value is WriteError {
	if (typeof value !== 'object' || value === null) return false;
	const { code, message, platform_error } = value as Record<string, unknown>;
	return typeof code === 'string' && typeof message === 'string' && typeof platform_error === 'string';
}

/**
 * Sorts a bulk write's records into written and failed, by position in the
 * request. Only the success shape is documented (`status: success`,
 * `error: null`); that a failed record's `error` holds the same object as a
 * write API's error response is an inference, so anything else is kept raw.
 */
export function sortResults(response: BulkWriteResponse): SortedResults {
	const sorted: SortedResults = { written: [], failed: [] };
	response.data.data.forEach((record, index) => {
		if (record.status === 'success' && record.error === null) {
			sorted.written.push({ index, jobId: record.job_id, response: record.response });
		} else {
			const error = isWriteError(record.error) ? record.error : null;
			sorted.failed.push({ index, jobId: record.job_id, error, raw: record.error });
		}
	});
	return sorted;
}

/** What to do with one failed record, by its code (which an LLM chose, so confirm it in `platform_error`). */
export type NextStep =
	'fix-and-resend' | 'link-existing' | 'end-user-acts' | 'read-platform-error' | 'check-then-retry';

export function nextStep(error: WriteError | null): NextStep {
	switch (error?.code) {
		case 'missing-params':
		case 'invalid-params':
			return 'fix-and-resend';
		case 'record-already-exists':
			return 'link-existing';
		case 'operation-denied':
			return 'end-user-acts';
		case 'internal-error':
			// Integration Labs failed; the record may still have been written, so look before resending.
			return 'check-then-retry';
		default:
			// unknown-error, platform-denied, or a shape we do not know: only the platform's text can tell.
			return 'read-platform-error';
	}
}
