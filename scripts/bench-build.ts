/**
 * `npm run bench:build -- --codes N`: how the site scales with the catalog.
 *
 * Writes a catalog of exactly N codes into a temporary copy (never into
 * `content/`): the real entries spread round-robin over every source, then
 * variants of them (new ids, wire codes and aliases) until there are N. The
 * entries that guides and wire declarations name are always kept, so the
 * copy builds like the real one.
 *
 * It builds the site from that catalog at N, at N/10 and at 100 codes, and
 * for each build measures the wall time and the peak memory of the whole
 * process tree, the pages, the median code page (HTML, raw and gzip) and the
 * Pagefind index. At N it also serves the site (gzip, like a static host) and
 * measures, with Playwright, the bytes a browser downloads for a first
 * exact-code search: Pagefind's files and the exact-match index.
 *
 * The last line is the machine-readable summary:
 * RESULT codes=<n> pages=<n> build_s=<s> peak_mb=<mb> page_gz_median_kb=<kb> search_first_query_kb=<kb>
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { parse } from 'yaml';
import { loadCatalogOrThrow } from '../src/catalog/load.ts';
import { entriesNamedBy } from '../src/catalog/wire-integrity.ts';
import { CHROMIUM_ARGS, findChromium } from './browser.ts';
import { serve } from './static-server.ts';

const root = process.cwd();
const scratch = join(root, '.cache', 'bench-build');

function option(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) {
		console.error(`--${name} must be a positive whole number`);
		process.exit(2);
	}
	return value;
}
const codes = option('codes', 5000);

type Entry = Record<string, unknown> & { id: string };
interface CodeFile {
	source: string;
	codes: Entry[];
}

/** Qualified names the site itself needs: linked or loaded by guides, named by wire declarations. */
async function requiredNames(): Promise<Set<string>> {
	const names = new Set<string>();
	const docs = join(root, 'src', 'content', 'docs');
	for (const file of await readdir(docs, { recursive: true })) {
		if (!/\.mdx?$/.test(file)) continue;
		const text = await readFile(join(docs, file), 'utf8');
		for (const match of text.matchAll(/\/codes\/([a-z0-9-]+)\/([a-z0-9-]+)\//g)) names.add(`${match[1]}/${match[2]}`);
		for (const match of text.matchAll(/(?:example|expectCode)="([a-z0-9-]+)\/([a-z0-9-]+)/g))
			names.add(`${match[1]}/${match[2]}`);
	}
	// What wire declarations name (the catalog check's own list), from the real catalog.
	for (const source of (await loadCatalogOrThrow(root)).sources)
		for (const format of source.wire)
			for (const [, ids] of entriesNamedBy(format)) for (const id of ids) names.add(`${source.id}/${id}`);
	return names;
}

/** A variant of a real entry: the same shape and prose, its own id, wire code and aliases. */
function variant(entry: Entry, copy: number): Entry {
	const suffix = (value: unknown) => (typeof value === 'string' ? `${value}-v${copy}` : value);
	const wireAlso = (entry.wireAlso as { field: string; code: string }[] | undefined) ?? [];
	return {
		...entry,
		id: `${entry.id}-v${copy}`,
		title: `${String(entry.title)} (variant ${copy})`,
		aliases: ((entry.aliases as string[] | undefined) ?? []).map((alias) => `${alias} v${copy}`),
		...(entry.wireCode ? { wireCode: suffix(entry.wireCode) } : {}),
		...(entry.wirePattern ? { wirePattern: `${String(entry.wirePattern)}(?:-v${copy})` } : {}),
		wireAlso: wireAlso.map((pair) => ({ ...pair, code: `${pair.code}-v${copy}` })),
		related: [],
	};
}

/** A copy of the catalog with exactly `total` codes, spread round-robin over every source. */
async function syntheticCatalog(total: number, required: ReadonlySet<string>): Promise<{ dir: string; count: number }> {
	const dir = join(scratch, `catalog-${total}`);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	await cp(join(root, 'content', 'catalog'), dir, { recursive: true });
	const codesDir = join(dir, 'codes');
	const files: CodeFile[] = [];
	for (const name of (await readdir(codesDir)).sort())
		files.push(parse(await readFile(join(codesDir, name), 'utf8')) as CodeFile);

	const chosen = new Map<string, Entry[]>(files.map((file) => [file.source, []]));
	let count = 0;
	for (const file of files)
		for (const entry of file.codes)
			if (required.has(`${file.source}/${entry.id}`)) {
				chosen.get(file.source)?.push(entry);
				count++;
			}
	// Round-robin: the first entries of every source, then the second ones, then variants.
	const withCodes = files.filter((file) => file.codes.length > 0);
	for (let round = 0; count < total; round++) {
		for (const file of withCodes) {
			if (count >= total) break;
			const template = file.codes[round % file.codes.length] as Entry;
			const copy = Math.floor(round / file.codes.length);
			if (copy === 0 && required.has(`${file.source}/${template.id}`)) continue;
			chosen.get(file.source)?.push(copy === 0 ? template : variant(template, copy));
			count++;
		}
	}
	const kept = new Set([...chosen].flatMap(([source, entries]) => entries.map((entry) => `${source}/${entry.id}`)));
	for (const file of files) {
		// Links to entries left out would fail the catalog check: keep only those still there.
		const entries = (chosen.get(file.source) ?? []).map((entry) => ({
			...entry,
			related: ((entry.related as string[] | undefined) ?? []).filter((name) => kept.has(name)),
		}));
		await writeFile(join(codesDir, `${file.source}.yaml`), JSON.stringify({ source: file.source, codes: entries }));
	}
	return { dir, count };
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
async function treeRss(pid: number): Promise<number> {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of await readdir('/proc').catch(() => [] as string[])) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const statText = await readFile(`/proc/${name}/stat`, 'utf8');
			const parent = Number(statText.slice(statText.lastIndexOf(')') + 2).split(' ')[1]);
			const list = children.get(parent) ?? [];
			list.push(Number(name));
			children.set(parent, list);
			const statm = await readFile(`/proc/${name}/statm`, 'utf8');
			rss.set(Number(name), Number(statm.split(' ')[1]) * 4096);
		} catch {
			// The process ended while we looked.
		}
	}
	let total = 0;
	const queue = [pid];
	while (queue.length > 0) {
		const next = queue.pop() as number;
		total += rss.get(next) ?? 0;
		queue.push(...(children.get(next) ?? []));
	}
	return total;
}

interface Build {
	codes: number;
	outDir: string;
	seconds: number;
	peakBytes: number;
	pages: string[];
}

/** GNU time, where there is one: it reports the largest resident set of any process the build ran. */
const GNU_TIME = '/usr/bin/time';

/**
 * `npm run build`'s own steps (scripts/build-site.ts) on a catalog. Memory is
 * the larger of the sampled sum over the whole process tree (every 100 ms)
 * and GNU time's exact peak of the largest single process.
 */
async function build(catalogDir: string): Promise<Build> {
	const outDir = `${catalogDir}-dist`;
	const env = { ...process.env, ERROR_ATLAS_CATALOG: catalogDir };
	const command = [process.execPath, join(root, 'scripts', 'build-site.ts'), '--outDir', outDir];
	const timed = await stat(GNU_TIME).then(
		() => true,
		() => false
	);
	const started = performance.now();
	const child = timed
		? spawn(GNU_TIME, ['-f', 'max_rss_kb=%M', ...command], { env, stdio: ['ignore', 'pipe', 'pipe'] })
		: spawn(command[0] as string, command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	let sampled = 0;
	const sampler = setInterval(() => {
		if (child.pid) void treeRss(child.pid).then((bytes) => (sampled = Math.max(sampled, bytes)));
	}, 100);
	const status = await new Promise<number | null>((done) => child.on('close', done));
	clearInterval(sampler);
	const seconds = (performance.now() - started) / 1000;
	if (status !== 0) {
		console.error(log);
		throw new Error(`the build from ${catalogDir} failed`);
	}
	const largest = Number(/max_rss_kb=(\d+)/.exec(log)?.[1] ?? 0) * 1024;
	const pages = (await readdir(outDir, { recursive: true })).filter((entry) => entry.endsWith('.html'));
	return { codes: 0, outDir, seconds, peakBytes: Math.max(sampled, largest), pages };
}

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function codePageSizes(result: Build): Promise<{ raw: number; gzip: number }> {
	const codePages = result.pages.filter((page) => page.startsWith('codes/') && page.split('/').length === 4);
	const raw: number[] = [];
	const gzip: number[] = [];
	for (const page of codePages) {
		const html = await readFile(join(result.outDir, page));
		raw.push(html.length);
		gzip.push(gzipSync(html).length);
	}
	return { raw: median(raw), gzip: median(gzip) };
}

async function directoryBytes(dir: string): Promise<number> {
	let total = 0;
	for (const entry of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
		const info = await stat(join(dir, entry)).catch(() => undefined);
		if (info?.isFile()) total += info.size;
	}
	return total;
}

/**
 * What a browser downloads to search: from loading a code page to showing
 * the exact match for a code, every response of Pagefind (its UI, engine and
 * index) and of the exact-match index, as sent over the wire (gzip where the
 * server compresses). Also the page the exact match points to.
 */
async function firstSearchBytes(result: Build, query: string): Promise<{ bytes: number; first: string }> {
	const executablePath = findChromium();
	if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium.');
	const { server, origin } = await serve(result.outDir);
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		let bytes = 0;
		const pending: Promise<void>[] = [];
		page.on('requestfinished', (request) => {
			const path = new URL(request.url()).pathname;
			if (!path.startsWith('/pagefind/') && !path.startsWith('/search-terms')) return;
			pending.push(
				request.sizes().then(
					(sizes) => void (bytes += sizes.responseBodySize + sizes.responseHeadersSize),
					() => undefined
				)
			);
		});
		const codePage = result.pages.find((file) => file.startsWith('codes/') && file.split('/').length === 4) ?? '';
		await page.goto(`${origin}/${codePage.replace(/index\.html$/, '')}`);
		await page.locator('site-search button[data-open-modal]').waitFor();
		await page.locator('site-search input').waitFor({ state: 'attached' });
		await page.keyboard.press('Control+k');
		await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' }).fill(query);
		const first = page.getByRole('dialog').locator('.atlas-exact a').first();
		await first.waitFor();
		await page.locator('.pagefind-ui__result').first().waitFor();
		await page.waitForLoadState('networkidle');
		await Promise.all(pending);
		return { bytes, first: new URL((await first.getAttribute('href')) ?? '', origin).pathname };
	} finally {
		await browser.close();
		server.close();
	}
}

const required = await requiredNames();
const sizesToBuild = [...new Set([100, Math.max(100, Math.round(codes / 10)), codes])].sort((a, b) => a - b);
const results: (Build & { page: { raw: number; gzip: number }; pagefind: number })[] = [];
for (const total of sizesToBuild) {
	console.log(`Building with ${total} codes…`);
	const catalog = await syntheticCatalog(total, required);
	const result = { ...(await build(catalog.dir)), codes: catalog.count };
	results.push({
		...result,
		page: await codePageSizes(result),
		pagefind: await directoryBytes(join(result.outDir, 'pagefind')),
	});
}

const largest = results.at(-1) as (typeof results)[number];
// A variant's wire code: its page is among thousands, so finding it first is the real test.
const largestCatalog = join(scratch, `catalog-${codes}`, 'codes');
const catalogFiles = await readdir(largestCatalog);
let query = 'card_declined';
let expected = '/codes/stripe/card-declined/';
for (const file of catalogFiles) {
	const data = JSON.parse(await readFile(join(largestCatalog, file), 'utf8')) as CodeFile;
	const last = [...data.codes]
		.reverse()
		.find((entry) => typeof entry.wireCode === 'string' && /-v\d+$/.test(entry.wireCode));
	if (last) {
		query = String(last.wireCode);
		expected = `/codes/${data.source}/${last.id}/`;
		break;
	}
}
const search = await firstSearchBytes(largest, query);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.table(
	results.map((result) => ({
		codes: result.codes,
		pages: result.pages.length,
		'build s': result.seconds.toFixed(1),
		'peak MB': (result.peakBytes / 2 ** 20).toFixed(0),
		'code page kB': kb(result.page.raw),
		'code page gzip kB': kb(result.page.gzip),
		'pagefind kB': kb(result.pagefind),
	}))
);
const smallest = results[0] as (typeof results)[number];
const tenth = results.at(-2);
if (tenth && tenth !== largest)
	console.log(
		`t(${largest.codes})/t(${tenth.codes}) = ${(largest.seconds / tenth.seconds).toFixed(2)} for ${(largest.codes / tenth.codes).toFixed(1)}× the codes (linear or better when ≤ ${(largest.codes / tenth.codes).toFixed(1)})`
	);
console.log(
	`Median code page gzip: ${kb(largest.page.gzip)} kB at ${largest.codes} codes, ${kb(smallest.page.gzip)} kB at ${smallest.codes}`
);
console.log(
	`First exact search for "${query}": ${kb(search.bytes)} kB downloaded; first result ${search.first} (${search.first === expected ? 'the right page' : `expected ${expected}`})`
);
// `--keep` leaves the catalogs and builds in .cache/bench-build for a closer look.
if (!process.argv.includes('--keep')) await rm(scratch, { recursive: true, force: true });
console.log(
	`RESULT codes=${largest.codes} pages=${largest.pages.length} build_s=${largest.seconds.toFixed(1)} peak_mb=${(largest.peakBytes / 2 ** 20).toFixed(0)} page_gz_median_kb=${kb(largest.page.gzip)} search_first_query_kb=${kb(search.bytes)}`
);
