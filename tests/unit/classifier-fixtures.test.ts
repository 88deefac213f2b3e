/**
 * Real responses from the vendors' public docs and SDK fixtures
 * (tests/fixtures/responses/<format>.yaml, each with its `source`), classified
 * as a developer would expect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classify, toClassifierData } from '../../src/classifier/index.ts';

interface Fixture {
	name: string;
	source: string;
	input: string;
	expect: {
		format: string;
		category: string;
		status?: number | null;
		/** A relay's inner status (Integry's network_code) and the inner response's own code. */
		innerStatus?: number | null;
		innerCode?: string | null;
		retryable?: boolean | null;
		code?: string | null;
		vendorCode?: string;
		retryAfterSeconds?: number | null;
	};
}

const { catalog } = await loadCatalog(process.cwd());
const data = toClassifierData(catalog);
const dir = join(process.cwd(), 'tests', 'fixtures', 'responses');
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
const all = files.flatMap((file) =>
	(parse(readFileSync(join(dir, file), 'utf8')) as Fixture[]).map((fixture) => ({ file, fixture }))
);

it('has at least 80 fixtures, each with its source', () => {
	expect(all.length).toBeGreaterThanOrEqual(80);
	for (const { fixture } of all) expect(fixture.source, fixture.name).toMatch(/^https?:\/\//);
});

for (const file of files) {
	describe(file, () => {
		for (const { fixture } of all.filter((item) => item.file === file)) {
			it(fixture.name, () => {
				const result = classify(fixture.input, data);
				const why = `${fixture.source}\n${JSON.stringify(result.evidence, null, 1)}`;
				const expected = fixture.expect;
				expect(result.format, why).toBe(expected.format);
				expect(result.category, why).toBe(expected.category);
				if ('status' in expected) expect(result.status, why).toBe(expected.status);
				if ('innerStatus' in expected) expect(result.inner?.status, why).toBe(expected.innerStatus);
				if ('innerCode' in expected) expect(result.inner?.code, why).toBe(expected.innerCode);
				if ('retryable' in expected) expect(result.retryable, why).toBe(expected.retryable);
				if ('code' in expected) expect(result.code, why).toBe(expected.code);
				if ('vendorCode' in expected) expect(result.fields.vendorCode, why).toBe(expected.vendorCode);
				if ('retryAfterSeconds' in expected) expect(result.retryAfterSeconds, why).toBe(expected.retryAfterSeconds);
			});
		}
	});
}
