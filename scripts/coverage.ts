/**
 * `npm run coverage`: writes the catalog's coverage (systems by group, codes
 * per system) into the README between its coverage markers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coverageMarkdown, withCoverage } from '../src/catalog/coverage.ts';
import { loadCatalogOrThrow } from '../src/catalog/load.ts';

const root = process.cwd();
const path = join(root, 'README.md');
const updated = withCoverage(await readFile(path, 'utf8'), coverageMarkdown(await loadCatalogOrThrow(root)));
if (updated === undefined) {
	console.error('README.md has no coverage markers.');
	process.exit(2);
}
await writeFile(path, updated);
console.log('README.md coverage updated.');
