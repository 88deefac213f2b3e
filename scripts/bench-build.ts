/**
 * `npm run bench:build`: shows that page generation stays linear.
 *
 * Builds the site with the real catalog and with a catalog whose codes are
 * multiplied (every entry copied under new ids), then prints the build time,
 * the time per page, and the median HTML size of the pages both builds share.
 * A code page must not grow when the catalog does: the sidebar, rendered into
 * every page, lists index pages only.
 *
 * Usage: npm run bench:build [-- --factor 10]
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const root = process.cwd();
const factorArg = process.argv.indexOf('--factor');
const factor = factorArg > 0 ? Number(process.argv[factorArg + 1]) : 10;
const scratch = join(root, '.cache', 'bench-build');

/** A copy of the catalog with every code repeated `times` times under new ids and aliases. */
async function multipliedCatalog(times: number): Promise<string> {
	const dir = join(scratch, `catalog-x${times}`);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	await cp(join(root, 'content', 'catalog'), dir, { recursive: true });
	const codesDir = join(dir, 'codes');
	for (const name of await readdir(codesDir)) {
		const path = join(codesDir, name);
		const doc = parseDocument(await readFile(path, 'utf8'));
		const data = doc.toJS() as { source: string; codes: Record<string, unknown>[] };
		// A copy names its own wire values too: the catalog check rejects two entries claiming one.
		const copied = (value: unknown, index: number) =>
			typeof value === 'string' ? `${value}-copy-${index + 1}` : value;
		const copies = data.codes.flatMap((code) =>
			Array.from({ length: times - 1 }, (_, index) => ({
				...code,
				id: `${code.id}-copy-${index + 1}`,
				aliases: ((code.aliases as string[] | undefined) ?? []).map((alias) => `${alias} copy ${index + 1}`),
				...(code.wireCode ? { wireCode: copied(code.wireCode, index) } : {}),
				...(code.wirePattern ? { wirePattern: copied(code.wirePattern, index) } : {}),
				wireAlso: ((code.wireAlso as { field: string; code: string }[] | undefined) ?? []).map((pair) => ({
					...pair,
					code: copied(pair.code, index),
				})),
			}))
		);
		await writeFile(path, JSON.stringify({ source: data.source, codes: [...data.codes, ...copies] }));
	}
	return dir;
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true });
	return entries.filter((entry) => entry.endsWith('.html'));
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function build(label: string, catalogDir: string | undefined) {
	const outDir = join(scratch, `dist-${label}`);
	const started = performance.now();
	const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(catalogDir ? { ERROR_ATLAS_CATALOG: catalogDir } : {}) },
		encoding: 'utf8',
	});
	const seconds = (performance.now() - started) / 1000;
	if (run.status !== 0) {
		console.error(run.stdout, run.stderr);
		throw new Error(`build ${label} failed`);
	}
	const pages = await htmlFiles(outDir);
	return { label, outDir, seconds, pages };
}

async function sizes(outDir: string, pages: readonly string[]): Promise<number[]> {
	return Promise.all(pages.map(async (page) => (await stat(join(outDir, page))).size));
}

const base = await build('x1', undefined);
const big = await build(`x${factor}`, await multipliedCatalog(factor));

// Code pages present in both builds: the original entries.
const shared = base.pages.filter((page) => page.startsWith('codes/') && page.split('/').length === 4);
const [baseSizes, bigSizes] = await Promise.all([sizes(base.outDir, shared), sizes(big.outDir, shared)]);
const sidebarLinks = async (outDir: string) =>
	(
		(await readFile(join(outDir, shared[0] ?? 'index.html'), 'utf8')).match(
			/<a [^>]*aria-current|<a href="\/[^"]*"/g
		) ?? []
	).length;

const rows = [base, big].map((result, index) => ({
	catalog: result.label,
	pages: result.pages.length,
	'build s': result.seconds.toFixed(1),
	'ms/page': ((result.seconds * 1000) / result.pages.length).toFixed(1),
	'median code page bytes': median(index === 0 ? baseSizes : bigSizes),
}));
console.table(rows);
const ratio = median(bigSizes) / median(baseSizes);
console.log(`Median code page size ×${factor} catalog / ×1 catalog: ${ratio.toFixed(3)}`);
console.log(
	`Links on a code page: ${await sidebarLinks(base.outDir)} (×1), ${await sidebarLinks(big.outDir)} (×${factor})`
);
await rm(scratch, { recursive: true, force: true });
