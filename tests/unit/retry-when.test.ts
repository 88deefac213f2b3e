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
