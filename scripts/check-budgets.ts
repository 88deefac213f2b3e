/**
 * `npm run check:budgets`, run by `npm test` on the real build: the weight
 * of what a browser downloads, against the budgets of issue 11. Prints every
 * figure and exits 1 when one is over budget.
 *
 * - A code page runs no JavaScript beyond what a plain Starlight page runs
 *   (Starlight's own scripts, Expressive Code's and the search): each of its
 *   scripts must also run on the guides, Markdown pages with no island.
 * - The playground's main-thread JavaScript (page scripts, the island and
 *   everything they import) is at most 90 kB gzip.
 * - The playground's worker (classifier, linter, Shiki) is at most 100 kB gzip.
 * - A code page's HTML: the median is at most 10 kB gzip.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(process.cwd(), 'dist');
const KB = 1024;
const BUDGETS = {
	playgroundMain: 90 * KB,
	worker: 100 * KB,
	codePageHtml: 10 * KB,
};
/** Pages of Starlight's own: the guides, Markdown with the search every page has. */
const REFERENCE_DIR = 'guides';

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;

const fileCache = new Map<string, Buffer>();
async function asset(path: string): Promise<Buffer> {
	let found = fileCache.get(path);
	if (!found) {
		found = await readFile(join(dist, path));
		fileCache.set(path, found);
	}
	return found;
}

/** A module and every module it imports statically, as site paths (`/_astro/x.js`). */
async function withImports(path: string, seen = new Set<string>()): Promise<Set<string>> {
	if (seen.has(path)) return seen;
	seen.add(path);
	const code = (await asset(path)).toString('utf8');
	// Static imports only: `import … from "./x.js"` and `import "./x.js"`; dynamic ones load later, on demand.
	for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
		const target = new URL(match[1] ?? '', `http://site${path}`).pathname;
		await withImports(target, seen);
	}
	return seen;
}

interface PageScripts {
	/** External modules, with what they import. */
	files: Set<string>;
	/** Inline scripts' text. */
	inline: string[];
}

async function pageScripts(page: string, options: { islands: boolean }): Promise<PageScripts> {
	const html = (await asset(page)).toString('utf8');
	const files = new Set<string>();
	const roots = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] ?? '');
	if (options.islands)
		roots.push(...[...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((match) => match[1] ?? ''));
	for (const root of roots) for (const file of await withImports(root)) files.add(file);
	const inline = [
		...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
	].map((match) => match[1] ?? '');
	return { files, inline };
}

async function scriptBytes(scripts: PageScripts): Promise<number> {
	let total = 0;
	for (const file of scripts.files) total += gzipSize(await asset(file));
	for (const text of scripts.inline) total += gzipSize(text);
	return total;
}

const failures: string[] = [];
function check(label: string, value: number, budget: number): void {
	const over = value > budget;
	console.log(`${over ? '✗' : '✓'} ${label}: ${kb(value)} (budget ${kb(budget)})`);
	if (over) failures.push(label);
}

// Code pages: nothing beyond Starlight's own scripts and the search, as its Markdown pages run them.
const reference: PageScripts = { files: new Set(), inline: [] };
for (const path of await readdir(join(dist, REFERENCE_DIR), { recursive: true })) {
	if (!path.endsWith('index.html')) continue;
	const scripts = await pageScripts(`${REFERENCE_DIR}/${path}`, { islands: true });
	for (const file of scripts.files) reference.files.add(file);
	reference.inline.push(...scripts.inline);
}
const codePages = (await readdir(join(dist, 'codes'), { recursive: true }))
	.filter((path) => path.endsWith('index.html') && path.split('/').length === 3)
	.map((path) => `codes/${path}`);
const extra = new Map<string, string>();
const htmlSizes: number[] = [];
let codePageScripts = 0;
for (const page of codePages) {
	const scripts = await pageScripts(page, { islands: true });
	for (const file of scripts.files) if (!reference.files.has(file)) extra.set(file, page);
	for (const text of scripts.inline)
		if (!reference.inline.includes(text)) extra.set(`inline script ${text.slice(0, 60)}…`, page);
	if (codePageScripts === 0) codePageScripts = await scriptBytes(scripts);
	htmlSizes.push(gzipSize(await asset(page)));
}
console.log(
	`Code pages checked: ${codePages.length}; their JavaScript, all of it Starlight's and the search's: ${kb(codePageScripts)} gzip`
);
if (extra.size > 0) {
	for (const [file, page] of extra) console.log(`✗ ${page} runs ${file}, which a plain Starlight page does not`);
	failures.push('code page JavaScript');
} else console.log('✓ code pages run no JavaScript beyond a plain Starlight page');
htmlSizes.sort((a, b) => a - b);
check('median code page HTML (gzip)', htmlSizes[Math.floor(htmlSizes.length / 2)] ?? 0, BUDGETS.codePageHtml);

// The playground: the island and the page's scripts on the main thread; the worker apart.
const playground = await pageScripts('playground/index.html', { islands: true });
const workers = [...playground.files].flatMap((file) =>
	[...(fileCache.get(file)?.toString('utf8') ?? '').matchAll(/new Worker\(new URL\([`"']([^`"']+\.js)[`"']/g)].map(
		(match) => new URL(match[1] ?? '', `http://site${file}`).pathname
	)
);
check('playground main-thread JavaScript (gzip)', await scriptBytes(playground), BUDGETS.playgroundMain);
if (workers.length === 0) failures.push('the playground worker was not found');
for (const worker of new Set(workers)) {
	let total = 0;
	for (const file of await withImports(worker)) total += gzipSize(await asset(file));
	check(`playground worker ${worker} with its imports (gzip)`, total, BUDGETS.worker);
}

if (failures.length > 0) {
	console.error(`\nOver budget: ${failures.join(', ')}`);
	process.exit(1);
}
