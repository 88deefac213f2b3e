/**
 * Every example response in the catalog is a test case, like Rust's doctests:
 * it must classify to its own entry, category and retry verdict. A new
 * catalog entry gets this test for free.
 */
import { describe, expect, it } from 'vitest';
import { exampleToHttp } from '../../src/catalog/example.ts';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classify, toClassifierData } from '../../src/classifier/index.ts';

const { catalog } = await loadCatalog(process.cwd());
const data = toClassifierData(catalog);

/**
 * Examples whose body does not name its platform: SyncHive's retryable
 * gateway statuses come as a proxy's HTML page, and Datafold's status
 * conventions as `about:blank` problems. They match their entry when the
 * caller says which platform sent them (the `source` option).
 */
const NEEDS_SOURCE = new Set([
	'synchive/bad-gateway',
	'synchive/service-unavailable',
	'synchive/gateway-timeout',
	'datafold/authentication-required',
	'datafold/access-denied',
	'datafold/not-found',
	'datafold/client-error',
	'datafold/server-error',
	'datafold/invalid-input',
]);

describe('every catalog example classifies to its own entry', () => {
	for (const code of catalog.codes) {
		code.examples.forEach((example, index) => {
			it(`${code.name} example ${index + 1}`, () => {
				const text = exampleToHttp(example, catalog.status(example.status)?.name);
				const result = classify(text, data, NEEDS_SOURCE.has(code.name) ? { source: code.source } : {});
				expect(result.code, JSON.stringify(result.evidence)).toBe(code.name);
				expect(result.source).toBe(code.source);
				const relayDecides =
					result.inner !== undefined &&
					result.inner.category !== 'unknown' &&
					!(result.inner.category === 'internal' && result.inner.code === null) &&
					(result.inner.code !== null ||
						result.envelope !== undefined ||
						// A catch-all relay code ("the platform denied it") defers to what the platform said.
						code.category === 'upstream' ||
						code.broad === true);
				if (relayDecides && result.inner) {
					// A relay means what its inner response means (SPEC §3 `inner`): the app's own code, or the
					// relayed app response itself (a relay that carries the app's status).
					expect(result.category).toBe(result.inner.category);
					expect(result.retryable).toBe(result.inner.retryable);
					if (result.inner.code) expect(result.inner.links.code).toBe(`/codes/${result.inner.code}/`);
				} else if ((code.category === 'upstream' || code.broad) && result.category !== code.category) {
					// A catch-all code ("the app behind failed", "validation failed") is refined by a specific meaning in the message.
					expect(result.evidence.map((item) => item.rule).join('\n')).toMatch(/the message says more than/);
				} else expect(result.category).toBe(code.category);
				if (relayDecides) {
					// Checked above.
				} else if (code.retryable === null) {
					// "Depends": unknown, unless the body itself says (SyncHive's `retryable`).
					if (result.retryable !== null) expect(result.evidence.map((item) => item.field)).toContain('retryable');
				} else expect(result.retryable).toBe(code.retryable);
				expect(result.links.code).toBe(`/codes/${code.name}/`);
				expect(result.nextSteps.length).toBeGreaterThan(0);
			});
		});
	}
});
