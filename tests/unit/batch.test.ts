/**
 * Batch triage's pure helpers (src/playground/batch.ts): a log split into
 * responses, rows from the classifier, stable sorting, filters, counts, and
 * exports that a spreadsheet cannot turn into formulas.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classify, toClassifierData } from '../../src/classifier/index.ts';
import {
	MAX_ROWS,
	NOT_READ,
	countCategories,
	csvCell,
	filterRows,
	formatCounts,
	retryText,
	sortRows,
	splitLog,
	toCsv,
	toJsonLines,
	toRow,
	type BatchRow,
} from '../../src/playground/batch.ts';

const { catalog } = await loadCatalog(process.cwd());
const data = toClassifierData(catalog);

const entry = (
	status: number | string,
	url: string,
	text: string,
	headers: { name: string; value: string }[] = []
) => ({
	request: { method: 'post', url, headers: [] },
	response: { status, headers, content: { mimeType: 'application/json', text } },
});

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });

function rowsOf(text: string): BatchRow[] {
	return splitLog(text).items.map((item, index) =>
		toRow(item, index, item.kind === 'response' ? classify(item.value, data) : null, data.sourceNames)
	);
}

const stripeDeclined =
	'{"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined."}}';

describe('splitLog', () => {
	it('keeps only the failed entries of a HAR with mixed 2xx, 3xx, 4xx and 5xx', () => {
		const split = splitLog(
			har([
				entry(200, 'https://x.test/ok', '{}'),
				entry(402, 'https://api.stripe.com/v1/charges', stripeDeclined),
				entry(304, 'https://x.test/cached', ''),
				entry('503', 'https://x.test/down', 'Service Unavailable'),
				entry(0, 'https://x.test/blocked', ''),
				entry(429, 'https://x.test/slow', '{"ok":false,"error":"ratelimited"}', [{ name: 'Retry-After', value: '30' }]),
				{ request: { url: 'https://x.test/no-response' } },
			])
		);
		expect(split.format).toBe('har');
		expect(split.items.map((item) => (item.kind === 'response' ? [item.entry, item.method, item.url] : null))).toEqual([
			[2, 'POST', 'https://api.stripe.com/v1/charges'],
			[4, 'POST', 'https://x.test/down'],
			[6, 'POST', 'https://x.test/slow'],
		]);
		expect(split.succeeded).toBe(2);
		expect(split.noStatus).toBe(1);
	});

	it('classifies each entry the way the classifier reads a HAR entry', () => {
		const rows = rowsOf(
			har([
				entry(200, 'https://x.test/ok', '{}'),
				entry(402, 'https://api.stripe.com/v1/charges', stripeDeclined),
				entry(429, 'https://x.test/slow', '{"ok":false,"error":"ratelimited"}', [{ name: 'Retry-After', value: '30' }]),
			])
		);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({ status: 402, system: 'Stripe', category: 'payment', retryable: false });
		expect(rows[0]?.code).toMatch(/^stripe\//);
		expect(rows[1]).toMatchObject({ status: 429, category: 'rate-limit', retryable: true, retryAfterSeconds: 30 });
		expect(retryText(rows[1] as BatchRow)).toBe('Retry after 30 s');
	});

	it('reads JSON Lines, and a malformed line becomes a row that says so, with its line number', () => {
		const text = [
			JSON.stringify({ status: 429, headers: { 'Retry-After': '5' }, body: '{"ok":false,"error":"ratelimited"}' }),
			'',
			'{"status": 500, "body": ',
			JSON.stringify({
				status: 401,
				headers: {},
				body: '{"ok":false,"error":"invalid_auth"}',
				url: 'https://x.test/me',
			}),
			'42',
		].join('\n');
		const split = splitLog(text);
		expect(split.format).toBe('jsonl');
		const rows = rowsOf(text);
		expect(rows.map((row) => [row.line, row.status, row.error === null])).toEqual([
			[1, 429, true],
			[3, null, false],
			[4, 401, true],
			[5, null, false],
		]);
		expect(rows[1]?.error).toMatch(/^Line 3 is not valid JSON/);
		expect(rows[3]?.error).toMatch(/^Line 5 is not a JSON object/);
		expect(rows[2]).toMatchObject({ url: 'https://x.test/me', category: 'authentication' });
		expect(countCategories(rows)).toEqual([
			[NOT_READ, 2],
			['authentication', 1],
			['rate-limit', 1],
		]);
	});

	it('takes one JSON response, an array of responses, and caps a huge log honestly', () => {
		expect(splitLog('{"status":404,"headers":{},"body":"nope"}').items).toHaveLength(1);
		expect(splitLog('[{"status":404,"body":"a"},{"status":500,"body":"b"}]').items).toHaveLength(2);
		expect(splitLog('  \n ').format).toBe('empty');
		const many = Array.from({ length: MAX_ROWS + 5 }, () => '{"status":500,"body":""}').join('\n');
		const split = splitLog(many);
		expect(split.items).toHaveLength(MAX_ROWS);
		expect(split.overCap).toBe(5);
	});
});

function row(index: number, fields: Partial<BatchRow>): BatchRow {
	return {
		index,
		entry: index + 1,
		line: null,
		method: 'GET',
		url: `https://x.test/${index}`,
		status: 500,
		system: 'HTTP',
		source: null,
		code: null,
		category: 'server',
		retryable: true,
		retryWhen: 'idempotent',
		retryAfterSeconds: null,
		title: 'Server error',
		error: null,
		...fields,
	};
}

describe('sorting, filtering and counts', () => {
	const rows = [
		row(0, { status: 500 }),
		row(1, { status: 429, category: 'rate-limit', system: 'Slack' }),
		row(2, { status: 500 }),
		row(3, { status: null, error: 'Line 4 is not valid JSON', category: null, system: '' }),
		row(4, { status: 429, category: 'rate-limit' }),
		row(5, { status: 500 }),
	];

	it('is stable in both directions, with empty values last', () => {
		expect(sortRows(rows, 'status', 'ascending').map((item) => item.index)).toEqual([1, 4, 0, 2, 5, 3]);
		expect(sortRows(rows, 'status', 'descending').map((item) => item.index)).toEqual([0, 2, 5, 1, 4, 3]);
		expect(sortRows(rows, 'category', 'ascending').map((item) => item.index)).toEqual([1, 4, 0, 2, 5, 3]);
		expect(sortRows(rows, 'index', 'descending').map((item) => item.index)).toEqual([5, 4, 3, 2, 1, 0]);
		// Sorting does not touch the rows it was given.
		expect(rows.map((item) => item.index)).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('filters by category and system, and counts per category', () => {
		expect(filterRows(rows, { category: 'rate-limit', system: '' }).map((item) => item.index)).toEqual([1, 4]);
		expect(filterRows(rows, { category: 'rate-limit', system: 'Slack' }).map((item) => item.index)).toEqual([1]);
		expect(filterRows(rows, { category: NOT_READ, system: '' }).map((item) => item.index)).toEqual([3]);
		expect(formatCounts(countCategories(rows))).toBe('server 3 · rate-limit 2 · not read 1');
	});
});

describe('exports', () => {
	it('escapes quotes, commas and line breaks', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(429)).toBe('429');
	});

	it('keeps a spreadsheet from running a cell as a formula', () => {
		expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('a=b')).toBe('a=b');
	});

	it('writes a header and one line per row, in CSV and JSON Lines', () => {
		const rows = [
			row(0, { url: 'https://x.test/?q=a,b', title: '=cmd' }),
			row(1, { error: 'Line 2 is not valid JSON' }),
		];
		const csv = toCsv(rows).split('\r\n');
		expect(csv[0]).toBe(
			'entry,line,method,url,status,system,code,category,retryable,retryWhen,retryAfterSeconds,title,error'
		);
		expect(csv[1]).toBe('1,,GET,"https://x.test/?q=a,b",500,HTTP,,server,true,idempotent,,\'=cmd,');
		expect(csv).toHaveLength(4);
		const lines = toJsonLines(rows).trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		expect(JSON.parse(lines[0] ?? '')).toMatchObject({ url: 'https://x.test/?q=a,b', title: '=cmd', status: 500 });
		expect(JSON.parse(lines[1] ?? '')).toMatchObject({ error: 'Line 2 is not valid JSON', category: null });
	});
});
