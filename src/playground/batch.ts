/**
 * Batch triage: a whole log of responses at once. Pure helpers, shared by
 * the worker (splitting a HAR or JSON Lines into responses, turning each
 * classification into a compact row) and the lazily loaded table (sorting,
 * filtering, counting, CSV and JSON Lines export). No DOM, no network.
 */
import type { Classification } from '../classifier/index.ts';

/** More rows than this are not triaged: the table says how many were left out. */
export const MAX_ROWS = 10_000;

/** One response found in the log, ready for `classify`, or a line that could not be read. */
export type BatchItem =
	| {
			kind: 'response';
			/** What `classify` takes: a HAR entry, or the value of a JSON line. */
			value: unknown;
			/** 1-based HAR entry number, where the log is a HAR. */
			entry: number | null;
			/** 1-based line number, where the log is JSON Lines. */
			line: number | null;
			method: string | null;
			url: string | null;
	  }
	| { kind: 'error'; line: number; message: string };

export interface SplitLog {
	format: 'har' | 'jsonl' | 'json' | 'empty';
	items: BatchItem[];
	/** HAR entries that did not fail (2xx, 3xx) and are left out. */
	succeeded: number;
	/** HAR entries with no HTTP status (status 0: blocked, or failed before any response). */
	noStatus: number;
	/** Failed responses or lines beyond MAX_ROWS, left out. */
	overCap: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The same reading of a status as the classifier's input: an integer 100–599, or three digits as text. */
function toStatus(value: unknown): number | null {
	const number = typeof value === 'string' && /^\s*\d{3}\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= 100 && number <= 599 ? number : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A HAR entry: a record with a `response` record (the classifier reads it the same way). */
function isHarEntry(value: unknown): value is Record<string, unknown> & { response: Record<string, unknown> } {
	return isRecord(value) && isRecord(value.response);
}

function splitHar(entries: readonly unknown[]): SplitLog {
	const result: SplitLog = { format: 'har', items: [], succeeded: 0, noStatus: 0, overCap: 0 };
	entries.forEach((entry, index) => {
		if (!isHarEntry(entry)) return;
		const status = toStatus(entry.response.status);
		if (status === null) {
			result.noStatus++;
			return;
		}
		if (status < 400) {
			result.succeeded++;
			return;
		}
		if (result.items.length >= MAX_ROWS) {
			result.overCap++;
			return;
		}
		const request = isRecord(entry.request) ? entry.request : {};
		result.items.push({
			kind: 'response',
			// The classifier reads a HAR entry when it has a request and a response record.
			value: isRecord(entry.request) ? entry : { ...entry, request: {} },
			entry: index + 1,
			line: null,
			method: text(request.method)?.toUpperCase() ?? null,
			url: text(request.url),
		});
	});
	return result;
}

/** Method and URL of a `{status, headers, body}` line, where it says: `method`/`url`, or a `request` record. */
function requestOf(value: Record<string, unknown>): { method: string | null; url: string | null } {
	const request = isRecord(value.request) ? value.request : value;
	return { method: text(request.method)?.toUpperCase() ?? null, url: text(request.url) };
}

function responseItem(value: unknown, line: number | null): BatchItem {
	const { method, url } = isRecord(value) ? requestOf(value) : { method: null, url: null };
	return { kind: 'response', value, entry: null, line, method, url };
}

function splitLines(source: string): SplitLog {
	const result: SplitLog = { format: 'jsonl', items: [], succeeded: 0, noStatus: 0, overCap: 0 };
	const lines = source.split('\n');
	lines.forEach((raw, index) => {
		const line = raw.trim();
		if (line === '') return;
		if (result.items.length >= MAX_ROWS) {
			result.overCap++;
			return;
		}
		const number = index + 1;
		let value: unknown;
		try {
			value = JSON.parse(line) as unknown;
		} catch (error) {
			const reason = error instanceof Error ? error.message : 'invalid JSON';
			result.items.push({ kind: 'error', line: number, message: `Line ${number} is not valid JSON: ${reason}` });
			return;
		}
		if (!isRecord(value)) {
			result.items.push({
				kind: 'error',
				line: number,
				message: `Line ${number} is not a JSON object: expected {status, headers, body}`,
			});
			return;
		}
		result.items.push(responseItem(value, number));
	});
	return result;
}

/**
 * Splits a pasted log into responses: a HAR file (its entries with a 4xx or
 * 5xx status), a HAR entry, a JSON array of entries or response objects, one
 * JSON value, or JSON Lines (every line; a line that is not a JSON object
 * becomes an error item with its line number).
 */
export function splitLog(source: string): SplitLog {
	const trimmed = source.trim();
	if (trimmed === '') return { format: 'empty', items: [], succeeded: 0, noStatus: 0, overCap: 0 };
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		let whole: unknown;
		try {
			whole = JSON.parse(trimmed) as unknown;
		} catch {
			// Not one JSON value: JSON Lines.
			return splitLines(source);
		}
		if (isRecord(whole) && isRecord(whole.log))
			return splitHar(Array.isArray(whole.log.entries) ? whole.log.entries : []);
		if (isHarEntry(whole)) return splitHar([whole]);
		if (Array.isArray(whole)) {
			if (whole.some(isHarEntry)) return splitHar(whole);
			const result: SplitLog = { format: 'json', items: [], succeeded: 0, noStatus: 0, overCap: 0 };
			for (const value of whole) {
				if (result.items.length >= MAX_ROWS) result.overCap++;
				else result.items.push(responseItem(value, null));
			}
			return result;
		}
		return { format: 'json', items: [responseItem(whole, 1)], succeeded: 0, noStatus: 0, overCap: 0 };
	}
	return splitLines(source);
}

/** One row of the triage table: compact, for the main thread. */
export interface BatchRow {
	/** Position in the batch, 0-based: the key to ask the worker for the full explanation. */
	index: number;
	entry: number | null;
	line: number | null;
	method: string | null;
	url: string | null;
	status: number | null;
	/** The source's name, as people know it ("Stripe"), or the envelope recognised. */
	system: string;
	source: string | null;
	code: string | null;
	/** A catalog category, `unknown`, or null for a line that could not be read. */
	category: string | null;
	retryable: boolean | null;
	retryWhen: 'always' | 'idempotent' | null;
	retryAfterSeconds: number | null;
	title: string;
	/** Why this line could not be read. */
	error: string | null;
}

export function toRow(
	item: BatchItem,
	index: number,
	result: Classification | null,
	sourceNames: Record<string, string>
): BatchRow {
	const where = { index, entry: null, line: item.line, method: null, url: null };
	if (item.kind === 'error' || !result) {
		return {
			...where,
			status: null,
			system: '',
			source: null,
			code: null,
			category: null,
			retryable: null,
			retryWhen: null,
			retryAfterSeconds: null,
			title: '',
			error: item.kind === 'error' ? item.message : 'Not classified',
		};
	}
	return {
		...where,
		entry: item.entry,
		method: item.method,
		url: item.url,
		status: result.status,
		system: sourceNames[result.source ?? result.format] ?? result.format,
		source: result.source,
		code: result.code,
		category: result.category,
		retryable: result.retryable,
		retryWhen: result.retryWhen,
		retryAfterSeconds: result.retryAfterSeconds,
		title: result.title,
		error: null,
	};
}

/** The category filter's and counts' name for rows that could not be read. */
export const NOT_READ = 'not read';

export const categoryOf = (row: BatchRow): string => (row.error ? NOT_READ : (row.category ?? 'unknown'));

/** The retry verdict in a few words, as the result card says it. */
export function retryText(row: BatchRow): string {
	if (row.error) return '';
	if (row.retryable === false) return 'Do not retry';
	if (row.retryable === null) return 'Depends';
	const onlyIf = row.retryWhen === 'idempotent' ? ', if idempotent' : '';
	if (row.retryAfterSeconds === 0) return `Retry now${onlyIf}`;
	if (row.retryAfterSeconds !== null) return `Retry after ${row.retryAfterSeconds} s${onlyIf}`;
	return `Retry with backoff${onlyIf}`;
}

/** Where a row is: "#12" for a HAR entry, "line 3" for a JSON line. */
export function rowPlace(row: BatchRow): string {
	if (row.entry !== null) return `#${row.entry}`;
	if (row.line !== null) return `line ${row.line}`;
	return `#${row.index + 1}`;
}

export type SortKey = 'index' | 'request' | 'status' | 'system' | 'code' | 'category' | 'retry';
export type SortDirection = 'ascending' | 'descending';

/** Retry verdicts from "go ahead" to "stop". */
function retryRank(row: BatchRow): number {
	if (row.error) return 5;
	if (row.retryable === true) return row.retryWhen === 'idempotent' ? 1 : 0;
	if (row.retryable === null) return 2;
	return 3;
}

function sortValue(row: BatchRow, key: SortKey): string | number | null {
	switch (key) {
		case 'index':
			return row.index;
		case 'request':
			return row.url === null && row.method === null ? null : `${row.url ?? ''} ${row.method ?? ''}`;
		case 'status':
			return row.status;
		case 'system':
			return row.system || null;
		case 'code':
			return row.code;
		case 'category':
			return row.error ? null : row.category;
		case 'retry':
			return retryRank(row);
	}
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Sorted copy. Stable: rows that compare equal keep their order in the log,
 * in either direction; empty values go last in either direction.
 */
export function sortRows(rows: readonly BatchRow[], key: SortKey, direction: SortDirection): BatchRow[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row) => ({ row, value: sortValue(row, key) }))
		.sort((a, b) => {
			if (a.value === null || b.value === null) {
				if (a.value !== b.value) return a.value === null ? 1 : -1;
				return a.row.index - b.row.index;
			}
			const order =
				typeof a.value === 'number' && typeof b.value === 'number'
					? a.value - b.value
					: collator.compare(String(a.value), String(b.value));
			return sign * order || a.row.index - b.row.index;
		})
		.map(({ row }) => row);
}

export interface RowFilter {
	/** A category id, NOT_READ, or '' for all. */
	category: string;
	/** A system name, or '' for all. */
	system: string;
}

export function filterRows(rows: readonly BatchRow[], filter: RowFilter): BatchRow[] {
	return rows.filter(
		(row) =>
			(filter.category === '' || categoryOf(row) === filter.category) &&
			(filter.system === '' || row.system === filter.system)
	);
}

/** How many rows per category (or per system), the most first, then by name. */
export function countBy(rows: readonly BatchRow[], by: (row: BatchRow) => string): [string, number][] {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const key = by(row);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
}

export const countCategories = (rows: readonly BatchRow[]) => countBy(rows, categoryOf);

/** "authentication 12 · rate-limit 3" */
export const formatCounts = (counts: readonly [string, number][]) =>
	counts.map(([name, count]) => `${name} ${count.toLocaleString('en')}`).join(' · ');

/** What an export holds for each row: what the table shows, and the line or entry it came from. */
function exportRecord(row: BatchRow) {
	return {
		entry: row.entry,
		line: row.line,
		method: row.method,
		url: row.url,
		status: row.status,
		system: row.system || null,
		code: row.code,
		category: row.error ? null : row.category,
		retryable: row.error ? null : row.retryable,
		retryWhen: row.retryWhen,
		retryAfterSeconds: row.retryAfterSeconds,
		title: row.title || null,
		error: row.error,
	};
}

const CSV_COLUMNS = Object.keys(exportRecord(toRow({ kind: 'error', line: 0, message: '' }, 0, null, {})));

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line
 * break. A cell a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) is prefixed with a single quote.
 */
export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let cell = String(value);
	if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
	return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(rows: readonly BatchRow[]): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const row of rows) {
		const record = exportRecord(row) as Record<string, unknown>;
		lines.push(CSV_COLUMNS.map((column) => csvCell(record[column])).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

export function toJsonLines(rows: readonly BatchRow[]): string {
	return rows.map((row) => `${JSON.stringify(exportRecord(row))}\n`).join('');
}
