/**
 * "Check my response": each rule fires on a crafted response and points at
 * the line where the developer sees the member; the specs' own examples pass;
 * nothing the playground can be given makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { toClassifierData } from '../../src/classifier/data.ts';
import { lintResponse as lintWith, type Finding, type LintReport } from '../../src/linter/index.ts';
import type { LintTarget } from '../../src/linter/types.ts';

const catalog = toClassifierData((await loadCatalog(process.cwd())).catalog);
/** The linters read SyncHive's logCode scheme from the catalog, as the playground does. */
const lintResponse = (text: string, target?: LintTarget) => lintWith(text, target, catalog);

/** A raw response: status line, headers, blank line, body lines. */
function http(statusLine: string, headers: readonly string[], body: readonly string[]): string {
	return [statusLine, ...headers, '', ...body].join('\n');
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
	const index = text.split('\n').findIndex((line) => line.includes(needle));
	if (index < 0) throw new Error(`no line has ${needle}`);
	return index + 1;
}

function find(report: LintReport, rule: string): Finding {
	const found = report.findings.find((finding) => finding.rule === rule);
	if (!found) throw new Error(`no ${rule} in ${JSON.stringify(report.findings, null, 2)}`);
	return found;
}

function rules(report: LintReport): string[] {
	return report.findings.map((finding) => finding.rule);
}

function errors(report: LintReport): Finding[] {
	return report.findings.filter((finding) => finding.severity === 'error');
}

/** RFC 9457 §3's out-of-credit example, as the RFC prints it. */
const OUT_OF_CREDIT_BODY = [
	'{',
	' "type": "https://example.com/probs/out-of-credit",',
	' "title": "You do not have enough credit.",',
	' "detail": "Your current balance is 30, but that costs 50.",',
	' "instance": "/account/12345/msgs/abc",',
	' "balance": 30,',
	' "accounts": ["/account/12345",',
	'              "/account/67890"]',
	'}',
];
const OUT_OF_CREDIT = http(
	'HTTP/1.1 403 Forbidden',
	['Content-Type: application/problem+json', 'Content-Language: en'],
	OUT_OF_CREDIT_BODY
);

/** A problem body with one member replaced (or removed with `undefined`). */
function problem(changes: Record<string, unknown>): string[] {
	const body: Record<string, unknown> = {
		type: 'https://example.com/probs/out-of-credit',
		title: 'You do not have enough credit.',
		status: 403,
		detail: 'Your current balance is 30, but that costs 50.',
		instance: '/account/12345/msgs/abc',
	};
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined) delete body[key];
		else body[key] = value;
	}
	return JSON.stringify(body, null, 2).split('\n');
}

function problemResponse(changes: Record<string, unknown>, status = 'HTTP/1.1 403 Forbidden'): string {
	return http(status, ['Content-Type: application/problem+json'], problem(changes));
}

/** SyncHive's publish-error example from its error-handling page, with the line breaks in `detail` escaped. */
const PUBLISH_ERROR_BODY = [
	'{',
	'"type": "http://www.synchive.com/common/publish-error",',
	'"detail": "Could not connect to ShopifyNZ.\\nThe HTTP API Key Value you provided is incorrect.\\nPlease provide a valid HTTP API Key Value to the ShopifyNZ Integration and try again.",',
	'"logCode": "4005E",',
	'"retryable": false,',
	'"linkIdentities": {',
	'"integrationKey": "shopify_nz_integration",',
	'"linkIdentities": [',
	'{',
	'"iri": "https://schema.limbergraph.com/limber/Product#00006e95-ed86-46b6-a36e-b7e339bfb0b2",',
	'"externalId": "632910392"',
	'}',
	']',
	'}',
	'}',
];
const PUBLISH_ERROR = http(
	'HTTP/1.1 500 Internal Server Error',
	['Content-Type: application/json'],
	PUBLISH_ERROR_BODY
);

const PROCESS_ERROR = http(
	'HTTP/1.1 500 Internal Server Error',
	['Content-Type: application/json'],
	[
		'{',
		'"type": "http://www.synchive.com/common/process-error",',
		'"detail": "Could not connect to ShopifyNZ.\\nThe HTTP API Key Value you provided is incorrect.",',
		'"logCode": "4003E",',
		'"retryable": true',
		'}',
	]
);

/** The publish-error example with one member replaced (or removed with `undefined`), as a raw response. */
function publishError(changes: Record<string, unknown>, status = 'HTTP/1.1 500 Internal Server Error'): string {
	const body = JSON.parse(PUBLISH_ERROR_BODY.join('\n')) as Record<string, unknown>;
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined) delete body[key];
		else body[key] = value;
	}
	return http(status, ['Content-Type: application/json'], JSON.stringify(body, null, 2).split('\n'));
}

describe('RFC 9457 problem details', () => {
	it('passes the RFC’s own out-of-credit example', () => {
		const report = lintResponse(OUT_OF_CREDIT);
		expect(report.target).toBe('rfc9457');
		expect(report.findings).toEqual([]);
		expect(report.summary).toMatch(/no problems/);
	});

	it('passes it with CRLF line ends, a 100 Continue preamble and leading blank lines', () => {
		const text = `\n\nHTTP/1.1 100 Continue\r\n\r\n${OUT_OF_CREDIT.replaceAll('\n', '\r\n')}`;
		expect(lintResponse(text).findings).toEqual([]);
	});

	it('passes the RFC’s validation-error example, whose errors extension nests problems', () => {
		const text = http(
			'HTTP/1.1 422 Unprocessable Content',
			['Content-Type: application/problem+json', 'Content-Language: en'],
			[
				'{',
				' "type": "https://example.net/validation-error",',
				' "title": "Your request is not valid.",',
				' "errors": [{ "detail": "must be a positive integer", "pointer": "#/age" }]',
				'}',
			]
		);
		expect(lintResponse(text).findings).toEqual([]);
	});

	it('warns on application/json and points at the header', () => {
		const text = OUT_OF_CREDIT.replace('application/problem+json', 'application/json; charset=utf-8');
		const finding = find(lintResponse(text), 'rfc9457-3-media-type');
		expect(finding).toMatchObject({ severity: 'warning', line: 2 });
	});

	it('errors on another media type, and on none, pointing at the header or the status line', () => {
		const html = find(
			lintResponse(OUT_OF_CREDIT.replace('application/problem+json', 'text/html')),
			'rfc9457-3-media-type'
		);
		expect(html).toMatchObject({ severity: 'error', line: 2 });
		const none = find(
			lintResponse(OUT_OF_CREDIT.replace('Content-Type: application/problem+json\n', '')),
			'rfc9457-3-media-type'
		);
		expect(none).toMatchObject({ severity: 'error', line: 1 });
	});

	it('does not judge headers it was not given (a body alone)', () => {
		const report = lintResponse(OUT_OF_CREDIT_BODY.join('\n'));
		expect(report.findings).toEqual([]);
		expect(report.summary).toMatch(/Only a body was pasted/);
	});

	it('reports a body that is not JSON at the line where it breaks', () => {
		const body = [...OUT_OF_CREDIT_BODY];
		body[7] = '              "/account/67890"],';
		const text = http('HTTP/1.1 403 Forbidden', ['Content-Type: application/problem+json'], body);
		const finding = find(lintResponse(text), 'json-syntax');
		expect(finding).toMatchObject({ severity: 'error', line: 12 });
		expect(finding.message).toMatch(/Trailing comma/);
		const html = find(
			lintResponse(
				http('HTTP/1.1 502 Bad Gateway', ['Content-Type: text/html'], ['<html><body>Bad gateway</body></html>'])
			),
			'json-syntax'
		);
		expect(html).toMatchObject({ line: 4 });
		expect(html.message).toMatch(/HTML/);
	});

	it('requires a JSON object', () => {
		const text = http(
			'HTTP/1.1 400 Bad Request',
			['Content-Type: application/problem+json'],
			['[', '  {"title": "x"}', ']']
		);
		expect(find(lintResponse(text), 'rfc9457-3-json-object')).toMatchObject({
			severity: 'error',
			line: 4,
			pointer: '',
		});
		const empty = lintResponse('HTTP/1.1 400 Bad Request\nContent-Type: application/problem+json\n\n');
		expect(find(empty, 'rfc9457-3-json-object')).toMatchObject({ severity: 'error', line: 1 });
	});

	it('errors on a type that is not a string: consumers must ignore it', () => {
		const text = problemResponse({ type: 42 });
		const finding = find(lintResponse(text), 'rfc9457-3.1.1-type');
		expect(finding).toMatchObject({ severity: 'error', pointer: '/type', line: lineOf(text, '"type"') });
		expect(finding.message).toMatch(/MUST be ignored/);
	});

	it('warns on a type that is not a URI reference, or relative without a full path', () => {
		const spaced = problemResponse({ type: 'out of credit' });
		expect(find(lintResponse(spaced), 'rfc9457-3.1.1-type')).toMatchObject({
			severity: 'warning',
			line: lineOf(spaced, '"type"'),
		});
		const relative = find(lintResponse(problemResponse({ type: 'out-of-credit' })), 'rfc9457-3.1.1-type');
		expect(relative.message).toMatch(/relative/);
		for (const type of ['/probs/out-of-credit', 'tag:example@example.org,2021-09-17:OutOfLuck', 'urn:problem:x']) {
			expect(rules(lintResponse(problemResponse({ type })))).not.toContain('rfc9457-3.1.1-type');
		}
	});

	it('warns when type is absent (about:blank), pointing at the body', () => {
		const text = problemResponse({ type: undefined, title: 'Forbidden' });
		const report = lintResponse(text);
		expect(find(report, 'rfc9457-3.1.1-type-absent')).toMatchObject({ severity: 'warning', line: 4, pointer: '' });
		expect(errors(report)).toEqual([]);
	});

	it('checks status: a number, an HTTP code, the same as the response’s', () => {
		const quoted = problemResponse({ status: '403' });
		const finding = find(lintResponse(quoted), 'rfc9457-3.1.2-status');
		expect(finding).toMatchObject({ severity: 'error', line: lineOf(quoted, '"status"') });
		expect(finding.fix).toContain('"status": 403');
		expect(find(lintResponse(problemResponse({ status: 403.5 })), 'rfc9457-3.1.2-status').severity).toBe('error');
		expect(find(lintResponse(problemResponse({ status: 700 })), 'rfc9457-3.1.2-status').severity).toBe('error');
		const mismatch = problemResponse({ status: 404 });
		expect(find(lintResponse(mismatch), 'rfc9457-3.1.2-status-mismatch')).toMatchObject({
			severity: 'error',
			line: lineOf(mismatch, '"status"'),
			pointer: '/status',
		});
		expect(rules(lintResponse(problemResponse({})))).toEqual([]);
	});

	it('warns on a problem sent with a success status', () => {
		const finding = find(lintResponse(problemResponse({ status: 200 }, 'HTTP/1.1 200 OK')), 'rfc9457-3-status-class');
		expect(finding).toMatchObject({ severity: 'warning', line: 1 });
	});

	it('checks title: a string, present when the type is not about:blank, the status phrase when it is', () => {
		const missing = lintResponse(problemResponse({ title: undefined }));
		expect(find(missing, 'rfc9457-3.1.3-title')).toMatchObject({ severity: 'warning', line: 4 });
		const numeric = problemResponse({ title: 7 });
		expect(find(lintResponse(numeric), 'rfc9457-3.1.3-title')).toMatchObject({
			severity: 'error',
			line: lineOf(numeric, '"title"'),
		});
		const blank = problemResponse({ type: 'about:blank', title: 'Oops', status: 404 }, 'HTTP/1.1 404 Not Found');
		expect(find(lintResponse(blank), 'rfc9457-4.2.1-about-blank-title')).toMatchObject({
			severity: 'warning',
			line: lineOf(blank, '"title"'),
		});
		expect(
			rules(
				lintResponse(
					problemResponse({ type: 'about:blank', title: 'Not Found', status: 404 }, 'HTTP/1.1 404 Not Found')
				)
			)
		).toEqual([]);
	});

	it('checks detail: a string, and not debugging output', () => {
		const numeric = problemResponse({ detail: { balance: 30 } });
		expect(find(lintResponse(numeric), 'rfc9457-3.1.4-detail')).toMatchObject({
			severity: 'error',
			line: lineOf(numeric, '"detail"'),
		});
		const trace = problemResponse({ detail: 'NullPointerException\n    at com.example.Cart.buy(Cart.java:42)' });
		expect(find(lintResponse(trace), 'rfc9457-3.1.4-detail').severity).toBe('warning');
	});

	it('checks instance: a string URI reference', () => {
		const numeric = problemResponse({ instance: 12345 });
		expect(find(lintResponse(numeric), 'rfc9457-3.1.5-instance')).toMatchObject({
			severity: 'error',
			line: lineOf(numeric, '"instance"'),
		});
		expect(find(lintResponse(problemResponse({ instance: 'msg abc' })), 'rfc9457-3.1.5-instance').severity).toBe(
			'warning'
		);
	});

	it('warns on extension member names that will not serialise beyond JSON', () => {
		const text = problemResponse({ ok: 1, 'retry-after': 5, _trace: 'x', balance_2: 30 });
		const names = lintResponse(text).findings.filter((finding) => finding.rule === 'rfc9457-4-extension-name');
		expect(names.map((finding) => finding.pointer)).toEqual(['/ok', '/retry-after', '/_trace']);
		expect(names.map((finding) => finding.line)).toEqual([
			lineOf(text, '"ok"'),
			lineOf(text, '"retry-after"'),
			lineOf(text, '"_trace"'),
		]);
		expect(names.every((finding) => finding.severity === 'warning')).toBe(true);
	});

	it('warns on a member sent twice', () => {
		const text = http(
			'HTTP/1.1 403 Forbidden',
			['Content-Type: application/problem+json'],
			['{', '  "type": "https://example.com/a",', '  "title": "A",', '  "type": "https://example.com/b"', '}']
		);
		expect(find(lintResponse(text), 'json-duplicate-member')).toMatchObject({ severity: 'warning', line: 7 });
	});

	it('points into curl -v output', () => {
		const text = [
			'*   Trying 127.0.0.1:443...',
			'> POST /purchase HTTP/1.1',
			'> Host: store.example.com',
			'>',
			'< HTTP/1.1 403 Forbidden',
			'< Content-Type: application/json',
			'<',
			'{',
			'  "type": "https://example.com/probs/out-of-credit",',
			'  "title": "You do not have enough credit.",',
			'  "status": "403"',
			'}',
			'* Connection #0 to host store.example.com left intact',
		].join('\n');
		const report = lintResponse(text);
		expect(find(report, 'rfc9457-3-media-type').line).toBe(6);
		expect(find(report, 'rfc9457-3.1.2-status').line).toBe(11);
	});

	it('points into a {status, headers, body} object', () => {
		const text = JSON.stringify(
			{
				status: 403,
				headers: { 'Content-Type': 'application/json' },
				body: { type: 'https://example.com/probs/out-of-credit', title: 'No credit', status: 404 },
			},
			null,
			2
		);
		const report = lintResponse(text);
		expect(find(report, 'rfc9457-3-media-type').line).toBe(lineOf(text, '"Content-Type"'));
		expect(find(report, 'rfc9457-3.1.2-status-mismatch').line).toBe(lineOf(text, '"status": 404'));
	});
});

describe('SyncHive connector replies', () => {
	it('passes the docs’ publish-error example sent as HTTP 500 application/json', () => {
		const report = lintResponse(PUBLISH_ERROR);
		expect(report.target).toBe('synchive-publish-error');
		expect(report.findings).toEqual([]);
	});

	it('passes the docs’ process-error example', () => {
		const report = lintResponse(PROCESS_ERROR);
		expect(report.target).toBe('synchive-process-error');
		expect(report.findings).toEqual([]);
	});

	it('requires logCode, pointing at the body', () => {
		const text = publishError({ logCode: undefined });
		expect(find(lintResponse(text), 'synchive-logcode')).toMatchObject({ severity: 'error', line: 4, pointer: '' });
	});

	it('explains malformed logCodes', () => {
		const letterFirst = publishError({ logCode: 'E4005' });
		const first = find(lintResponse(letterFirst), 'synchive-logcode');
		expect(first).toMatchObject({ severity: 'error', line: lineOf(letterFirst, '"logCode"'), pointer: '/logCode' });
		expect(first.fix).toContain('"4005E"');
		const badLevel = publishError({ logCode: '4005X' });
		const level = find(lintResponse(badLevel), 'synchive-logcode');
		expect(level).toMatchObject({ severity: 'error', line: lineOf(badLevel, '"logCode"') });
		expect(level.message).toMatch(/"X" is not a level/);
		expect(find(lintResponse(publishError({ logCode: 4005 })), 'synchive-logcode').fix).toContain('"4005E"');
		expect(find(lintResponse(publishError({ logCode: '4005e' })), 'synchive-logcode').message).toMatch(/upper case/);
		expect(find(lintResponse(publishError({ logCode: '4005' })), 'synchive-logcode').message).toMatch(/missing/);
	});

	it('warns on a non-error level and on codes outside the documented ranges', () => {
		expect(find(lintResponse(publishError({ logCode: '4005W' })), 'synchive-logcode-level').severity).toBe('warning');
		expect(find(lintResponse(publishError({ logCode: '0999E' })), 'synchive-logcode-range').severity).toBe('warning');
		expect(find(lintResponse(publishError({ logCode: '6001E' })), 'synchive-logcode-range').severity).toBe('warning');
	});

	it('requires HTTP 500, pointing at the status line', () => {
		const text = publishError({}, 'HTTP/1.1 400 Bad Request');
		expect(find(lintResponse(text), 'synchive-status')).toMatchObject({ severity: 'error', line: 1 });
	});

	it('requires the exact type', () => {
		const https = publishError({ type: 'https://www.synchive.com/common/publish-error' });
		const close = find(lintResponse(https), 'synchive-type');
		expect(close).toMatchObject({ severity: 'error', line: lineOf(https, '"type"'), pointer: '/type' });
		expect(close.message).toMatch(/exactly/);
		const swapped = find(lintResponse(PROCESS_ERROR, 'synchive-publish-error'), 'synchive-type');
		expect(swapped.message).toMatch(/process-error type/);
		const missing = lintResponse(publishError({ type: undefined }));
		expect(missing.target).toBe('synchive-publish-error');
		expect(find(missing, 'synchive-type')).toMatchObject({ line: 4, pointer: '' });
	});

	it('requires retryable to be a boolean', () => {
		const text = publishError({ retryable: 'true' });
		const finding = find(lintResponse(text), 'synchive-retryable');
		expect(finding).toMatchObject({ severity: 'error', line: lineOf(text, '"retryable"') });
		expect(finding.fix).toContain('"retryable": true');
		expect(rules(lintResponse(publishError({ retryable: undefined })))).toEqual([]);
	});

	it('validates linkIdentities', () => {
		const list = publishError({ linkIdentities: [{ iri: 'https://schema.limbergraph.com/x#1', externalId: '1' }] });
		const wrapped = find(lintResponse(list), 'synchive-link-identities');
		expect(wrapped).toMatchObject({ severity: 'error', line: lineOf(list, '"linkIdentities"') });
		expect(wrapped.fix).toMatch(/Wrap/);

		const noKey = publishError({
			linkIdentities: { linkIdentities: [{ iri: 'https://x.test/a#1', externalId: '1' }] },
		});
		expect(find(lintResponse(noKey), 'synchive-link-identities')).toMatchObject({
			line: lineOf(noKey, '"linkIdentities": {'),
			pointer: '/linkIdentities',
		});

		const numericId = publishError({
			linkIdentities: {
				integrationKey: 'shopify_nz_integration',
				linkIdentities: [
					{ iri: 'https://x.test/a#1', externalId: '1' },
					{ iri: 'https://x.test/a#2', externalId: 632910392 },
				],
			},
		});
		const id = find(lintResponse(numericId), 'synchive-link-identities');
		expect(id).toMatchObject({
			severity: 'error',
			pointer: '/linkIdentities/linkIdentities/1/externalId',
			line: lineOf(numericId, '"externalId": 632910392'),
		});
		expect(id.fix).toContain('"632910392"');

		const noIri = publishError({ linkIdentities: { integrationKey: 'k', linkIdentities: [{ externalId: '9' }] } });
		expect(find(lintResponse(noIri), 'synchive-link-identities')).toMatchObject({
			pointer: '/linkIdentities/linkIdentities/0',
			line: lineOf(noIri, '"externalId": "9"') - 1,
		});
	});

	it('warns on linkIdentities in a process-error', () => {
		const text = PROCESS_ERROR.replace('"retryable": true', '"retryable": true,\n"linkIdentities": {}');
		expect(find(lintResponse(text), 'synchive-link-identities-unexpected')).toMatchObject({
			severity: 'warning',
			line: lineOf(text, '"linkIdentities"'),
		});
	});

	it('checks detail and technicalInfo', () => {
		expect(find(lintResponse(publishError({ detail: undefined })), 'synchive-detail').severity).toBe('error');
		expect(find(lintResponse(publishError({ detail: '  ' })), 'synchive-detail').severity).toBe('error');
		const trace = publishError({
			detail: 'Error: connect ECONNREFUSED 10.0.0.4:443\n    at TCPConnectWrap.afterConnect',
		});
		const technical = find(lintResponse(trace), 'synchive-detail-technical');
		expect(technical).toMatchObject({ severity: 'warning', line: lineOf(trace, '"detail"') });
		expect(technical.fix).toMatch(/technicalInfo/);
		expect(find(lintResponse(publishError({ technicalInfo: { code: 401 } })), 'synchive-technical-info').severity).toBe(
			'error'
		);
	});

	it('wants application/json', () => {
		const text = PUBLISH_ERROR.replace('application/json', 'text/plain');
		expect(find(lintResponse(text), 'synchive-content-type')).toMatchObject({ severity: 'warning', line: 2 });
	});

	it('points at the raw line break in the docs’ example as printed', () => {
		const text = http(
			'HTTP/1.1 500 Internal Server Error',
			['Content-Type: application/json'],
			[
				'{',
				'"type": "http://www.synchive.com/common/publish-error",',
				'"detail": "Could not connect to ShopifyNZ.',
				'The HTTP API Key Value you provided is incorrect.",',
				'"logCode": "4005E"',
				'}',
			]
		);
		const report = lintResponse(text);
		expect(report.target).toBe('synchive-publish-error');
		expect(find(report, 'json-syntax')).toMatchObject({ line: 6 });
	});
});

describe('choosing the contract', () => {
	it('detects the target from the body', () => {
		expect(lintResponse(OUT_OF_CREDIT).target).toBe('rfc9457');
		expect(lintResponse(PUBLISH_ERROR_BODY.join('\n')).target).toBe('synchive-publish-error');
		expect(lintResponse(PROCESS_ERROR).target).toBe('synchive-process-error');
		expect(lintResponse('{"logCode": "4005E", "detail": "x"}').target).toBe('synchive-publish-error');
		expect(lintResponse('not json at all').target).toBe('rfc9457');
	});

	it('uses the target it is given', () => {
		const report = lintResponse(OUT_OF_CREDIT, 'synchive-process-error');
		expect(report.target).toBe('synchive-process-error');
		expect(rules(report)).toEqual(expect.arrayContaining(['synchive-status', 'synchive-type', 'synchive-logcode']));
	});
});

describe('any input', () => {
	it('checks only the first megabyte of a 5 MB body, quickly', () => {
		const big = `{"type":"https://example.com/p","title":"t","data":"${'x'.repeat(5_000_000)}"}`;
		const started = Date.now();
		const report = lintResponse(
			http('HTTP/1.1 413 Content Too Large', ['Content-Type: application/problem+json'], [big])
		);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(rules(report)).toEqual(expect.arrayContaining(['input-truncated', 'json-syntax']));
		expect(report.summary).toMatch(/first 1 MB/);
	});

	it('survives deep nesting and huge numbers of members', () => {
		expect(() => lintResponse(`${'['.repeat(500_000)}${']'.repeat(500_000)}`)).not.toThrow();
		const members = Array.from({ length: 60_000 }, (_, index) => `"m${index}": ${index}`).join(',');
		expect(lintResponse(`{${members}}`).findings.length).toBeGreaterThan(0);
	});

	it('never throws, and every line it names is in the paste', () => {
		const check = (text: string): void => {
			const report = lintResponse(text);
			expect(typeof report.summary).toBe('string');
			const lineCount = text.split('\n').length;
			for (const finding of report.findings) {
				expect(finding.line === null || (finding.line >= 1 && finding.line <= lineCount)).toBe(true);
			}
		};
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), check), { numRuns: 300 });
		fc.assert(
			fc.property(fc.json(), (json) =>
				check(`HTTP/1.1 500 Internal Server Error\nContent-Type: application/json\n\n${json}`)
			),
			{ numRuns: 300 }
		);
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), fc.nat(PUBLISH_ERROR.length), (junk, at) =>
				check(PUBLISH_ERROR.slice(0, at) + junk + PUBLISH_ERROR.slice(at))
			),
			{ numRuns: 300 }
		);
		check('\u0000\u0001garbage{{{"');
		check('HTTP/1.1 500\n\n');
		check('');
		expect(lintResponse(undefined as unknown as string).findings.length).toBeGreaterThan(0);
	});
});
