/**
 * `npm run bench:classify`: how fast the classifier is, measured here rather
 * than in timed tests.
 *
 * Prints, as medians over repeated runs:
 * - small inputs (every catalog example and fixture): time per input and inputs per second;
 * - 1 MB and 5 MB bodies: time per input and its ratio to JSON.parse of the same body;
 * - adversarial inputs (deep JSON, backtracking bait): time per input;
 * - the classifier's bundle size, minified and gzipped.
 * Exits 1 when a target is missed: ≥ 20,000 small inputs/s, large bodies
 * within 3× JSON.parse, adversarial inputs under 250 ms each.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { exampleToHttp } from '../src/catalog/example.ts';
import { loadCatalog } from '../src/catalog/load.ts';
import { classify, toClassifierData } from '../src/classifier/index.ts';

const root = process.cwd();
const { catalog } = await loadCatalog(root);
const data = toClassifierData(catalog);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median milliseconds of `fn` over `runs` runs (after a warm-up). */
function time(fn: () => unknown, runs: number): number {
	for (let i = 0; i < Math.min(3, runs); i++) fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	return median(samples);
}

async function fixtureInputs(): Promise<string[]> {
	const dir = join(root, 'tests', 'fixtures', 'responses');
	const files = await readdir(dir).catch(() => []);
	const inputs: string[] = [];
	for (const file of files.filter((name) => name.endsWith('.yaml'))) {
		const cases = parse(await readFile(join(dir, file), 'utf8')) as { input: string }[];
		inputs.push(...cases.map((fixture) => fixture.input));
	}
	return inputs;
}

const small = [
	...catalog.codes.flatMap((code) =>
		code.examples.map((example) => exampleToHttp(example, catalog.status(example.status)?.name))
	),
	...(await fixtureInputs()),
];

// Small inputs: time a pass over all of them, many times; report per input.
const pass = time(() => {
	for (const input of small) classify(input, data);
}, 50);
const perSmall = pass / small.length;
const perSecond = 1000 / perSmall;

function largeJson(bytes: number): string {
	const items = Array.from({ length: Math.ceil(bytes / 80) }, (_, index) => ({
		id: index,
		field: `field_${index}`,
		message: 'is required and must not be empty',
	}));
	return JSON.stringify({
		type: 'https://example.com/problems/validation',
		title: 'Invalid input',
		status: 422,
		errors: items,
	}).slice(0, bytes * 2);
}

const rows: {
	input: string;
	'median ms': string;
	'JSON.parse ms': string;
	ratio: string;
	target: string;
	ok: boolean;
}[] = [];
let failed = perSecond < 20_000;
rows.push({
	input: `${small.length} small inputs (examples + fixtures)`,
	'median ms': perSmall.toFixed(4),
	'JSON.parse ms': '',
	ratio: `${Math.round(perSecond).toLocaleString('en')}/s`,
	target: '≥ 20,000/s',
	ok: perSecond >= 20_000,
});

for (const megabytes of [1, 5]) {
	const body = largeJson(megabytes * 1024 * 1024);
	const response = `HTTP/1.1 422 Unprocessable Content\ncontent-type: application/problem+json\n\n${body}`;
	const classifyMs = time(() => classify(response, data), 15);
	const parseMs = time(() => JSON.parse(body), 15);
	const ratio = classifyMs / parseMs;
	const ok = ratio <= 3;
	failed ||= !ok;
	rows.push({
		input: `${megabytes} MB problem+json response (${(body.length / 1048576).toFixed(1)} MiB)`,
		'median ms': classifyMs.toFixed(2),
		'JSON.parse ms': parseMs.toFixed(2),
		ratio: `${ratio.toFixed(2)}×`,
		target: '≤ 3× JSON.parse',
		ok,
	});
}

const adversarial: [string, string][] = [
	['JSON array nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
	['JSON object nested 100,000 deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
	['5 MB of plain text', 'retry later maybe '.repeat(300_000)],
	['5 MB HTML page', `<html><title>502 Bad Gateway</title>${'<div>'.repeat(1_000_000)}`],
	['100k-char status line', `HTTP/1.1 ${' '.repeat(100_000)}`],
	['200k unclosed tag', `<${'a'.repeat(200_000)}`],
	['100k-digit Retry-After', `HTTP/1.1 429 Too Many Requests\nRetry-After: ${'9'.repeat(100_000)}\n\n`],
	['curl -v with 50k header lines', `< HTTP/1.1 500 Internal Server Error\n${'< x-h: v\n'.repeat(50_000)}<\n{}`],
];
for (const [label, input] of adversarial) {
	const ms = time(() => classify(input, data), 5);
	const ok = ms < 250;
	failed ||= !ok;
	rows.push({ input: label, 'median ms': ms.toFixed(2), 'JSON.parse ms': '', ratio: '', target: '< 250 ms', ok });
}

console.table(rows);

const bundle = await build({
	entryPoints: [join(root, 'src', 'classifier', 'index.ts')],
	bundle: true,
	minify: true,
	format: 'esm',
	platform: 'neutral',
	write: false,
});
const code = bundle.outputFiles[0]?.contents ?? new Uint8Array();
console.log(
	`Classifier bundle (code only, catalog data passed in): ${(code.length / 1024).toFixed(1)} kB minified, ${(gzipSync(code).length / 1024).toFixed(1)} kB gzip`
);
const dataJson = Buffer.from(JSON.stringify(data));
console.log(
	`Classifier data from the catalog: ${(dataJson.length / 1024).toFixed(1)} kB JSON, ${(gzipSync(dataJson).length / 1024).toFixed(1)} kB gzip`
);
if (failed) {
	console.error('A target was missed (see the ok column).');
	process.exit(1);
}
