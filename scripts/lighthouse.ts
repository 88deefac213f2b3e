/**
 * `npm run lighthouse`: Lighthouse on four pages of the built site (`dist/`,
 * run `npm run build` first): a code page, a status page, a source page and
 * the playground. A measuring script, not part of `npm test`.
 *
 * It uses Lighthouse's default config, which is the mobile one (a Moto G
 * Power-sized screen, simulated slow 4G and a 4× slower CPU), served over
 * 127.0.0.1 with gzip by scripts/static-server.ts, in the Chromium that
 * scripts/browser.ts finds. It prints the four category scores (×100) per
 * page, every failed audit of accessibility, best practices and SEO, and the
 * largest performance opportunities; writes the scores to docs/lighthouse.json;
 * and exits 1 when a page is under target (accessibility, best practices and
 * SEO 100, performance 95 or more), 2 when it cannot run.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './browser.ts';
import { serve } from './static-server.ts';

const root = process.cwd();
const dist = join(root, 'dist');
const output = join(root, 'docs', 'lighthouse.json');

const PAGES = [
	{ name: 'code page', path: '/codes/stripe/card-declined/' },
	{ name: 'status page', path: '/status/429/' },
	{ name: 'source page', path: '/sources/synchive/' },
	{ name: 'playground', path: '/playground/' },
] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** The lowest passing score (×100) per category. */
const TARGETS: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
/** The metrics behind the performance score, as Lighthouse shows them. */
const METRICS = [
	['FCP', 'first-contentful-paint'],
	['LCP', 'largest-contentful-paint'],
	['TBT', 'total-blocking-time'],
	['CLS', 'cumulative-layout-shift'],
	['SI', 'speed-index'],
] as const;
const TOP_OPPORTUNITIES = 5;

if (!existsSync(join(dist, 'index.html'))) {
	console.error('lighthouse: no built site in dist/: run `npm run build` first.');
	process.exit(2);
}
const chromePath = findChromium();
if (!chromePath) {
	console.error('lighthouse: no Chromium found: install Debian’s `chromium` or set CHROMIUM_PATH.');
	process.exit(2);
}

const lighthouseVersion = (
	JSON.parse(await readFile(join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8')) as { version: string }
).version;

const { server, origin } = await serve(dist);
const chrome = await launch({ chromePath, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'], logLevel: 'silent' });

interface PageResult {
	name: string;
	path: string;
	scores: Record<Category, number | null>;
	lhr: Result;
}
const results: PageResult[] = [];
let chromium = '';
try {
	const version = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser: string };
	chromium = version.Browser;
	for (const page of PAGES) {
		// No config: Lighthouse's default, the mobile one.
		const run = await lighthouse(`${origin}${page.path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
		if (!run) throw new Error(`Lighthouse returned no result for ${page.path}`);
		const { lhr } = run;
		if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
		const scores = Object.fromEntries(
			CATEGORIES.map((id) => {
				const score = lhr.categories[id]?.score;
				return [id, typeof score === 'number' ? Math.round(score * 100) : null];
			})
		) as Record<Category, number | null>;
		results.push({ ...page, scores, lhr });
	}
} finally {
	chrome.kill();
	server.close();
}

const first = results[0]?.lhr;
const formFactor = first?.configSettings.formFactor ?? 'mobile';
const throttling = first?.configSettings.throttlingMethod ?? 'simulate';

console.log(
	`Lighthouse ${lighthouseVersion}, ${chromium}, default config: ${formFactor} form factor, ${throttling}d throttling\n`
);

// The scores table.
const nameWidth = Math.max(...results.map((r) => r.path.length), 'page'.length);
const header = ['page'.padEnd(nameWidth), ...CATEGORIES.map((c) => c.padStart(c.length))].join('  ');
console.log(header);
console.log('-'.repeat(header.length));
for (const result of results) {
	const cells = CATEGORIES.map((c) => {
		const score = result.scores[c];
		const text = score === null ? 'n/a' : String(score);
		const mark = score === null || score < TARGETS[c] ? ' ✗' : '  ';
		return `${text}${mark}`.padStart(c.length);
	});
	console.log([result.path.padEnd(nameWidth), ...cells].join('  ').trimEnd());
}
console.log(
	`\ntargets: performance ≥ ${TARGETS.performance}, accessibility, best practices and SEO ${TARGETS.accessibility}`
);

// The metrics and opportunities behind performance, then every failed audit of the other categories.
for (const result of results) {
	const { lhr } = result;
	console.log(`\n${result.path} (${result.name})`);
	console.log(`  ${METRICS.map(([label, id]) => `${label} ${lhr.audits[id]?.displayValue ?? 'n/a'}`).join(', ')}`);

	const perfIds = new Set(lhr.categories.performance?.auditRefs.map((ref) => ref.id));
	const opportunities = Object.values(lhr.audits)
		.filter((audit) => perfIds.has(audit.id) && audit.score !== null && audit.score < 1)
		.map((audit) => {
			const details = audit.details as { type?: string; overallSavingsMs?: number } | undefined;
			const savings = Math.max(
				details?.overallSavingsMs ?? 0,
				audit.metricSavings?.LCP ?? 0,
				audit.metricSavings?.FCP ?? 0,
				audit.metricSavings?.TBT ?? 0
			);
			return { audit, savings };
		})
		.filter(({ savings }) => savings > 0)
		.sort((a, b) => b.savings - a.savings)
		.slice(0, TOP_OPPORTUNITIES);
	if (opportunities.length > 0) {
		console.log('  performance opportunities:');
		for (const { audit, savings } of opportunities) {
			const value = audit.displayValue ? ` (${audit.displayValue})` : '';
			console.log(`    - ${audit.title}${value}: up to ${Math.round(savings)} ms`);
		}
	}

	let failures = 0;
	for (const category of CATEGORIES.filter((c) => c !== 'performance')) {
		const refs = lhr.categories[category]?.auditRefs ?? [];
		const failed = refs
			.map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
			.filter(({ audit }) => audit && audit.score !== null && audit.score < 1);
		if (failed.length === 0) continue;
		failures += failed.length;
		console.log(`  ${lhr.categories[category]?.title ?? category} failures:`);
		for (const { ref, audit } of failed) {
			if (!audit) continue;
			const weight = ref.weight === 0 ? ' (not scored)' : '';
			const items = (audit.details as { items?: unknown[] } | undefined)?.items?.length;
			const count = items ? `, ${items} item${items === 1 ? '' : 's'}` : '';
			console.log(`    - ${audit.id}: ${audit.title}${weight}${count}`);
		}
	}
	if (failures === 0) console.log('  no failed accessibility, best-practices or SEO audit');
}

await writeFile(
	output,
	`${JSON.stringify(
		{
			date: new Date().toISOString().slice(0, 10),
			lighthouse: lighthouseVersion,
			chromium,
			formFactor,
			throttling,
			pages: results.map((r) => ({
				path: r.path,
				scores: r.scores,
				metrics: Object.fromEntries(
					METRICS.map(([label, id]) => {
						const value = r.lhr.audits[id]?.numericValue;
						// Milliseconds, except CLS, which has no unit.
						return [label, value === undefined ? null : label === 'CLS' ? Number(value.toFixed(3)) : Math.round(value)];
					})
				),
			})),
		},
		null,
		2
	)}\n`
);
console.log(`\nwrote ${join('docs', 'lighthouse.json')}`);

const below = results.flatMap((r) =>
	CATEGORIES.filter((c) => (r.scores[c] ?? 0) < TARGETS[c]).map((c) => `${r.path} ${c} ${r.scores[c] ?? 'n/a'}`)
);
if (below.length > 0) {
	console.log(`\nbelow target: ${below.join('; ')}`);
	process.exit(1);
}
console.log('\nevery page meets its targets');
