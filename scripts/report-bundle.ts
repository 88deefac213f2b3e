/**
 * Printed after `npm run build`: what the browser downloads for JavaScript,
 * gzipped, so growth shows up in every build log. The playground island is
 * split into its own code, React, and the worker (classifier + Shiki), which
 * loads only on /playground/.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = join(process.cwd(), 'dist', '_astro');
const files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.js'));
const rows = await Promise.all(
	files.map(async (name) => {
		const bytes = await readFile(join(dir, name));
		return {
			file: name,
			kB: +(bytes.length / 1024).toFixed(1),
			'gzip kB': +(gzipSync(bytes).length / 1024).toFixed(1),
		};
	})
);
rows.sort((a, b) => b['gzip kB'] - a['gzip kB']);
console.log('\nJavaScript in dist/_astro (what a browser downloads):');
console.table(rows);
const sum = (pattern: RegExp) =>
	rows
		.filter((row) => pattern.test(row.file))
		.reduce((total, row) => total + row['gzip kB'], 0)
		.toFixed(1);
console.log(
	`Playground island's own code: ${sum(/^Playground\./)} kB gzip; React: ${sum(/^(client|react)\./)} kB gzip; worker (classifier + Shiki): ${sum(/^classify\.worker/)} kB gzip.`
);
