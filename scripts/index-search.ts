/**
 * Builds the Pagefind search index of a built site (`dist/`, or the
 * directory given): part of `npm run build`, after `astro build` has exited.
 *
 * Starlight would index inside Astro's own process, at the end of the build,
 * while Astro still holds every page it rendered: at 5,000 codes the two
 * together needed 2.7 GB. Run apart, each stays under 1.5 GB
 * (`npm run bench:build`). Starlight's search UI is unchanged: see
 * `pagefind: false` in astro.config.mjs.
 */
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const site = resolve(process.argv[2] ?? 'dist');
const started = performance.now();

function ok<T extends { errors: string[] }>(response: T): T {
	if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
	return response;
}

try {
	const { index } = ok(await pagefind.createIndex());
	if (!index) throw new Error('Pagefind did not create an index');
	const { page_count: pages } = ok(await index.addDirectory({ path: site }));
	ok(await index.writeFiles({ outputPath: join(site, 'pagefind') }));
	console.log(
		`Search index: ${pages} pages indexed by Pagefind in ${((performance.now() - started) / 1000).toFixed(1)} s.`
	);
} finally {
	await pagefind.close();
}
