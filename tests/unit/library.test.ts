/**
 * `error-atlas/classify` as another project gets it: the package is packed
 * (`npm pack`, which runs `prepack` and so builds lib/), the tarball is
 * installed into an empty project offline, and the classifier is used from
 * Node, from a browser bundle and from TypeScript.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
/** The project's own Node (24), as npm scripts use it. */
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const STRIPE_DECLINE = [
	'HTTP/1.1 402 Payment Required',
	'Content-Type: application/json',
	'Request-Id: req_Cx8Kp2QwL4nZ7v',
	'',
	JSON.stringify({
		error: {
			code: 'card_declined',
			doc_url: 'https://stripe.com/docs/error-codes/card-declined',
			message: 'Your card was declined.',
			type: 'card_error',
		},
	}),
].join('\r\n');
const SYNCHIVE_RETRY_LATER = JSON.stringify({
	type: 'http://www.meaningful.co.nz/limber-sync/retry-later',
	typeCode: 'RETRY_LATER',
	status: 500,
	title: 'Retry later',
	detail: 'Retry later',
	uuid: '3721a351-9285-4375-99db-f1fe1d8277b7',
	message: 'Oops, something went wrong',
});
const EXPECTED = [
	{ code: 'stripe/card-declined', status: 402, category: 'payment', retryable: false, retryWhen: null },
	{ code: 'synchive/retry-later', status: 500, category: 'unavailable', retryable: true, retryWhen: 'always' },
];

/** What a consumer's code does with each answer. */
const USE = `const inputs = ${JSON.stringify([STRIPE_DECLINE, SYNCHIVE_RETRY_LATER])};
const answers = inputs.map((input) => {
	const { code, status, category, retryable, retryWhen } = classify(input);
	return { code, status, category, retryable, retryWhen };
});`;

let work = '';
let tarball = '';
let consumer = '';

function run(command: string, args: string[], cwd: string, what: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
	if (result.status !== 0)
		throw new Error(
			`${what} failed (${command} ${args.join(' ')}: ${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}\n${result.stdout}`
		);
	return result.stdout;
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'atlas-library-'));
	const packs = join(work, 'packs');
	mkdirSync(packs);
	run('npm', ['pack', '--pack-destination', packs], ROOT, 'Packing the package (npm pack)');
	const [file, ...more] = readdirSync(packs).filter((name) => name.endsWith('.tgz'));
	if (!file || more.length > 0) throw new Error(`npm pack left ${readdirSync(packs).join(', ') || 'nothing'}`);
	tarball = join(packs, file);

	consumer = join(work, 'consumer');
	mkdirSync(consumer);
	writeFileSync(
		join(consumer, 'package.json'),
		`${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' })}\n`
	);
	run(
		'npm',
		['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
		consumer,
		'Installing the tarball into an empty project (npm install --offline)'
	);
}, 180_000);

afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('error-atlas/classify, packed and installed', () => {
	it('ships the bundle and its types, and nothing of the site or the tests', () => {
		const files = run('tar', ['-tzf', tarball], work, 'Listing the tarball')
			.split('\n')
			.filter(Boolean)
			.map((name) => name.replace(/^package\//, ''));
		expect(files).toEqual(expect.arrayContaining(['package.json', 'lib/classify.js', 'lib/classify.d.ts']));
		expect(files.filter((name) => /^(tests|scripts|dist|src\/pages|src\/components)\//.test(name))).toEqual([]);
	});

	it('has no runtime dependencies to install', () => {
		const installed = readdirSync(join(consumer, 'node_modules')).filter((name) => !name.startsWith('.'));
		expect(installed).toEqual(['error-atlas']);
	});

	it('classifies from Node with the catalog built in', () => {
		const script = `import('error-atlas/classify').then(({ classify }) => {
${USE}
	process.stdout.write(JSON.stringify(answers));
});`;
		const stdout = run(NODE, ['--input-type=module', '-e', script], consumer, 'Importing error-atlas/classify in Node');
		expect(JSON.parse(stdout)).toEqual(EXPECTED);
	});

	it('bundles for the browser and gives the same answers there', async () => {
		writeFileSync(
			join(consumer, 'entry.js'),
			`import { classify } from 'error-atlas/classify';\n${USE}\nglobalThis.answers = answers;\n`
		);
		const result = await build({
			absWorkingDir: consumer,
			entryPoints: ['entry.js'],
			bundle: true,
			platform: 'browser',
			format: 'iife',
			write: false,
			metafile: true,
			logLevel: 'silent',
		});
		const [output] = result.outputFiles;
		const code = output!.text;
		const imports = Object.values(result.metafile.outputs).flatMap((out) => out.imports);
		expect(imports).toEqual([]);
		expect(code).not.toMatch(/(?:from|import|require)\s*\(?\s*["']node:/);
		// A context with the JavaScript built-ins and the web APIs a browser has, no Node.
		const page: { answers?: unknown } & Record<string, unknown> = { TextDecoder, TextEncoder, atob, btoa, console };
		runInNewContext(code, page);
		expect(JSON.parse(JSON.stringify(page.answers))).toEqual(EXPECTED);
	});

	for (const resolution of ['nodenext', 'bundler'] as const) {
		it(`type-checks a consumer's code (moduleResolution ${resolution})`, () => {
			const dir = join(consumer, `types-${resolution}`);
			mkdirSync(dir);
			writeFileSync(
				join(dir, 'tsconfig.json'),
				JSON.stringify({
					compilerOptions: {
						target: 'es2022',
						module: resolution === 'nodenext' ? 'nodenext' : 'esnext',
						moduleResolution: resolution,
						strict: true,
						exactOptionalPropertyTypes: true,
						noEmit: true,
						skipLibCheck: false,
						types: [],
					},
					files: ['use.ts'],
				})
			);
			writeFileSync(
				join(dir, 'use.ts'),
				`import {
	catalogData,
	classify,
	classifyWith,
	GENERIC_FORMATS,
	type CategoryId,
	type Classification,
	type ClassifierData,
	type ClassifyOptions,
	type RetryWhen,
} from 'error-atlas/classify';

const options: ClassifyOptions = { source: 'synchive', now: Date.now() };
const result: Classification = classify('HTTP/1.1 503 Service Unavailable\\r\\n\\r\\n', options);
const category: CategoryId | 'unknown' = result.category;
const retryable: boolean | null = result.retryable;
const when: RetryWhen | null = result.retryWhen;
const steps: string[] = result.nextSteps;
const data: ClassifierData = catalogData;
const again: Classification = classifyWith({ status: 429, headers: {}, body: '' }, data);
const wire: string = data.sources[0]!.wire[0]!.name;
const format: 'html' | 'text' | 'json' = GENERIC_FORMATS[0];
// The types are real, not any: each of these must be an error.
// @ts-expect-error code is a string or null
const wrong: number = result.code;
// @ts-expect-error not a category
const bogus: CategoryId = 'bogus';
// @ts-expect-error options are checked
classify('', { sauce: 'synchive' });
export { category, retryable, when, steps, again, wire, format, wrong, bogus };
`
			);
			run(NODE, [TSC, '-p', dir], dir, `tsc --noEmit against the installed package (${resolution})`);
		});
	}
});
