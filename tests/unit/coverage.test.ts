/** The README states the catalog's coverage, and the numbers are the catalog's own. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { coverageMarkdown, withCoverage } from '../../src/catalog/coverage.ts';
import { loadCatalog } from '../../src/catalog/load.ts';

it('has a README whose coverage section is the catalog’s (run `npm run coverage` after adding codes)', async () => {
	const root = process.cwd();
	const { catalog } = await loadCatalog(root);
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const coverage = coverageMarkdown(catalog);
	expect(coverage).toContain(`${catalog.codes.length} codes from ${catalog.sources.length} error systems`);
	expect(withCoverage(readme, coverage)).toBe(readme);
});
