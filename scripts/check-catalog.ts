/**
 * `npm run check:catalog`: validates the catalog without building the site.
 * Prints one line per problem (file:line: entry: field: message) and exits 1,
 * or a one-line summary and exits 0.
 */
import { loadCatalog } from '../src/catalog/load.ts';
import { formatProblem } from '../src/catalog/problems.ts';

const root = process.cwd();
const { catalog, problems } = await loadCatalog(root);
if (problems.length > 0) {
	for (const problem of problems) console.error(formatProblem(problem));
	console.error(`\n${problems.length} catalog problem${problems.length === 1 ? '' : 's'}.`);
	process.exit(1);
}
console.log(
	`Catalog OK: ${catalog.sources.length} sources, ${catalog.codes.length} codes, ${catalog.statuses.length} statuses.`
);
