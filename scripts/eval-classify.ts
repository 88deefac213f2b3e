/**
 * `npm run eval:classify`: how the classifier does on real responses it was
 * not built from. Reads tests/fixtures/holdout/*.yaml (same form as the
 * fixtures: input, source, expect), classifies each, and prints the share
 * right on each dimension, then every miss. Exits 1 below the targets.
 *
 * The holdout is written from vendor docs by someone who did not look at the
 * classifier's answers; a rule added to fix a miss is checked against the
 * rest of the holdout, never tuned to one message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadCatalogOrThrow } from '../src/catalog/load.ts';
import { classify, toClassifierData } from '../src/classifier/index.ts';

interface Case {
	name: string;
	source: string;
	input: string;
	expect: { format?: string; category?: string; retryable?: boolean | null; vendorCode?: string };
}

const TARGETS = { category: 0.97, retryable: 0.95, format: 0.98, vendorCode: 0.92 } as const;
type Dimension = keyof typeof TARGETS;

const root = process.cwd();
const dir = join(root, 'tests', 'fixtures', 'holdout');
const cases = readdirSync(dir)
	.filter((file) => file.endsWith('.yaml'))
	.flatMap((file) => (parse(readFileSync(join(dir, file), 'utf8')) as Case[]).map((item) => ({ file, item })));
const data = toClassifierData(await loadCatalogOrThrow(root));

const totals = Object.fromEntries(Object.keys(TARGETS).map((key) => [key, { right: 0, all: 0 }])) as Record<
	Dimension,
	{ right: number; all: number }
>;
const misses: string[] = [];
for (const { file, item } of cases) {
	const result = classify(item.input, data);
	const got: Record<Dimension, unknown> = {
		category: result.category,
		retryable: result.retryable,
		format: result.format,
		vendorCode: result.fields.vendorCode,
	};
	for (const dimension of Object.keys(TARGETS) as Dimension[]) {
		if (!(dimension in item.expect)) continue;
		const expected = item.expect[dimension];
		totals[dimension].all++;
		if (got[dimension] === expected) totals[dimension].right++;
		else
			misses.push(
				`${file}: ${item.name}: ${dimension} ${JSON.stringify(got[dimension])}, expected ${JSON.stringify(expected)}`
			);
	}
}

let failed = false;
console.log(`${cases.length} held-out responses`);
for (const dimension of Object.keys(TARGETS) as Dimension[]) {
	const { right, all } = totals[dimension];
	const share = all === 0 ? 1 : right / all;
	const ok = share >= TARGETS[dimension];
	failed ||= !ok;
	console.log(
		`${dimension.padEnd(10)} ${(share * 100).toFixed(1).padStart(5)}%  (${right}/${all}, target ${TARGETS[dimension] * 100}%)${ok ? '' : '  BELOW TARGET'}`
	);
}
if (misses.length > 0) console.log(`\nMisses:\n${misses.map((miss) => `  ${miss}`).join('\n')}`);
process.exit(failed ? 1 : 0);
