/**
 * `retryWhen` (SPEC §3): a retryable failure says whether the request may
 * already have been carried out. Retrying a write that may have been applied
 * is the mistake this field exists to prevent.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classify, toClassifierData } from '../../src/classifier/index.ts';

const { catalog } = await loadCatalog(process.cwd());
const data = toClassifierData(catalog);
const bare = (status: number, headers = '') => classify(`HTTP/1.1 ${status} X\n${headers}\n`, data);

describe('retryWhen', () => {
	it('is "always" where the request was not processed: 429, 503, 408, 423', () => {
		for (const status of [429, 503, 408, 423]) {
			const result = bare(status);
			expect(result.retryable, String(status)).toBe(true);
			expect(result.retryWhen, String(status)).toBe('always');
		}
	});

	it('is "idempotent" where the request may have been processed: 500, 502 and 504 with a wait', () => {
		for (const status of [500, 502, 504]) {
			const result = bare(status, 'Retry-After: 5\n');
			expect(result.retryable, String(status)).toBe(true);
			expect(result.retryWhen, String(status)).toBe('idempotent');
			expect(result.retryReason).toMatch(/idempotent request, or one sent with an idempotency key/);
		}
	});

	it('follows SyncHive’s retry-later, which asks for the same request again', () => {
		const result = classify(
			'{"type":"http://www.meaningful.co.nz/limber-sync/retry-later","typeCode":"RETRY_LATER","status":500,"title":"Retry later","detail":"Retry later"}',
			data
		);
		expect(result.code).toBe('synchive/retry-later');
		expect(result.retryWhen).toBe('always');
	});

	it('is null whenever the verdict is not "retry", for every catalog example', async () => {
		const { exampleToHttp } = await import('../../src/catalog/example.ts');
		for (const code of catalog.codes) {
			for (const example of code.examples) {
				const result = classify(exampleToHttp(example, catalog.status(example.status)?.name), data);
				if (result.retryable === true) expect(['always', 'idempotent'], code.name).toContain(result.retryWhen);
				else expect(result.retryWhen, code.name).toBeNull();
			}
		}
	});
});

describe('a request shown with the response', () => {
	const har = (method: string, headers: { name: string; value: string }[] = []) => ({
		log: {
			entries: [
				{
					request: { method, url: 'https://api.example.com/v1/charges', headers },
					response: { status: 502, headers: [], content: { text: 'Bad Gateway' } },
				},
			],
		},
	});

	it('says a POST without an Idempotency-Key must not be sent again as is', () => {
		const result = classify(har('POST'), data);
		expect(result.retryWhen).toBe('idempotent');
		expect(result.retryReason).toMatch(/this POST has no Idempotency-Key: do not send it again as is/);
		expect(result.evidence.map((item) => item.field)).toContain('request');
	});

	it('says nothing more for an idempotent method or a write with an idempotency key', () => {
		for (const input of [har('GET'), har('PUT'), har('POST', [{ name: 'Idempotency-Key', value: 'k-1' }])]) {
			const result = classify(input, data);
			expect(result.retryWhen).toBe('idempotent');
			expect(result.retryReason).not.toMatch(/do not send it again/);
			expect(result.retryReason).toMatch(/retry only an idempotent request/);
		}
	});

	it('reads the method from curl -v', () => {
		const transcript = [
			'> POST /v1/charges HTTP/1.1',
			'> Host: api.example.com',
			'> Content-Type: application/json',
			'>',
			'< HTTP/1.1 504 Gateway Timeout',
			'< Content-Type: text/plain',
			'<',
			'upstream request timeout',
		].join('\n');
		expect(classify(transcript, data).retryReason).toMatch(/this POST has no Idempotency-Key/);
	});
});
