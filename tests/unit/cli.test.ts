/** The real `error-atlas` command, run as a subprocess the way a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin', 'error-atlas.ts');

function run(args: string[], input?: string, env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [BIN, ...args], {
		input: input ?? '',
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', ...env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const retryLater = [
	'HTTP/1.1 500 Internal Server Error',
	'Content-Type: application/json',
	'',
	'{"type":"http://www.meaningful.co.nz/limber-sync/retry-later","typeCode":"RETRY_LATER","status":500,"title":"Retry later","detail":"Retry later","uuid":"3721a351-9285-4375-99db-f1fe1d8277b7","message":"Oops, something went wrong"}',
].join('\r\n');

describe('error-atlas explain', () => {
	it('links to where the site is published: SITE_URL and BASE_PATH, as the build uses them', () => {
		const { status, stdout } = run(['explain'], retryLater, {
			SITE_URL: 'https://example.github.io',
			BASE_PATH: '/error-atlas/',
		});
		expect(status).toBe(0);
		expect(stdout).toContain('https://example.github.io/error-atlas/codes/synchive/retry-later/');
		expect(stdout).not.toContain('127.0.0.1');
	});

	it('explains a response from a file for a person', () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
		const file = join(dir, 'response.http');
		writeFileSync(file, retryLater);
		const { status, stdout, stderr } = run(['explain', file]);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		expect(stdout).toMatch(/^Retry later\n/);
		expect(stdout).toContain('synchive/retry-later · HTTP 500 · unavailable · Retry with backoff');
		expect(stdout).toMatch(/Next steps\n {2}1\. /);
		expect(stdout).toContain('/codes/synchive/retry-later/');
		// No colour codes when the output is not a terminal.
		expect(stdout).not.toContain('\u001b[');
	});

	it('prints the result object with --json, reading standard input', () => {
		const { status, stdout } = run(['explain', '--json'], retryLater);
		expect(status).toBe(0);
		const result = JSON.parse(stdout);
		expect(result).toMatchObject({
			format: 'synchive',
			code: 'synchive/retry-later',
			status: 500,
			category: 'unavailable',
			retryable: true,
		});
	});

	it('uses --source when the body does not name its platform', () => {
		const page =
			'HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\n\n<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';
		expect(JSON.parse(run(['explain', '--json'], page).stdout).code).toBeNull();
		expect(JSON.parse(run(['explain', '--json', '--source', 'synchive'], page).stdout).code).toBe(
			'synchive/bad-gateway'
		);
	});

	it('never prints control characters from the response', () => {
		const { status, stdout } = run(['explain'], '{"message":"bad \u001b[31mred\u001b[0m input"}');
		expect(status).toBe(0);
		// The message is still shown, without its escape sequences.
		expect(stdout).toContain('bad [31mred[0m input');
		expect(stdout).not.toContain('\u001b');
	});
});

describe('error-atlas classify --jsonl', () => {
	it('writes one result per line, in order, with an error object for a bad line', () => {
		const lines = [
			JSON.stringify({ status: 429, headers: { 'Retry-After': '30' }, body: '{"ok":false,"error":"ratelimited"}' }),
			'this is not json',
			JSON.stringify({
				status: 409,
				headers: {},
				body: '{"id":"err_20260114093512x4F2A9C1E","code":409,"type":"AlreadyExists","message":"exists","metadata":{}}',
			}),
			'',
			JSON.stringify({
				status: 400,
				headers: { 'content-type': 'application/json' },
				body: { error: { code: 'missing-params', message: 'Missing required field: contact_id.' } },
			}),
		];
		const { status, stdout, stderr } = run(['classify', '--jsonl'], `${lines.join('\n')}\n`);
		expect(status).toBe(0);
		expect(stderr).toBe('');
		const out = stdout
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(out).toHaveLength(5);
		expect(out[0]).toMatchObject({ format: 'slack', category: 'rate-limit', retryAfterSeconds: 30 });
		expect(out[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^not JSON/) });
		expect(out[2]).toMatchObject({ code: 'botpress/already-exists', category: 'conflict' });
		expect(out[3]).toMatchObject({ line: 4, error: 'empty line' });
		expect(out[4]).toMatchObject({ code: 'integration-labs/missing-params', status: 400 });
	});
});

describe('bad usage', () => {
	it.each([
		[[], /missing command/],
		[['frobnicate'], /unknown command "frobnicate"/],
		[['explain', '/no/such/file'], /cannot read \/no\/such\/file: no such file/],
		[['explain', '--nope'], /Unknown option/i],
		[['explain', '--source', 'nowhere'], /unknown --source "nowhere"/],
		[['explain', 'a', 'b'], /unexpected argument "b"/],
	])('%j exits 2 with one line on standard error', (args, message) => {
		const { status, stdout, stderr } = run(args as string[]);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(message);
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	});

	it('documents every command in --help', () => {
		const { status, stdout } = run(['--help']);
		expect(status).toBe(0);
		expect(stdout).toContain('error-atlas explain [FILE] [--json]');
		expect(stdout).toContain('error-atlas classify --jsonl [--summary] [FILE]');
		expect(stdout).toContain('error-atlas mcp');
	});
});

describe('error-atlas classify --jsonl streams', () => {
	it('writes each result as soon as its line is read, before the input ends', async () => {
		const { PassThrough } = await import('node:stream');
		const { run: runCli } = await import('../../src/cli/main.ts');
		const { loadCatalogOrThrow } = await import('../../src/catalog/load.ts');
		const { toClassifierData } = await import('../../src/classifier/index.ts');
		const data = toClassifierData(await loadCatalogOrThrow(process.cwd()));
		const stdin = new PassThrough();
		const written: string[] = [];
		const io = {
			stdin,
			stdout: { write: (text: string) => written.push(text) },
			stderr: { write: () => true },
			env: {},
		};
		const done = runCli(['classify', '--jsonl'], io, async () => data, 'http://site');
		stdin.write(`${JSON.stringify({ status: 429, headers: { 'retry-after': '5' }, body: '' })}\n`);
		await expect.poll(() => written.length, { timeout: 5000 }).toBe(1);
		expect(JSON.parse(written[0] ?? '{}')).toMatchObject({ status: 429, category: 'rate-limit' });
		stdin.end(`not json\n${JSON.stringify({ status: 404, headers: {}, body: '' })}\n`);
		expect(await done).toBe(0);
		expect(written.map((line) => JSON.parse(line))).toMatchObject([
			{ status: 429 },
			{ line: 2, error: expect.stringMatching(/^not JSON/) },
			{ status: 404, category: 'not-found' },
		]);
	});

	it('--summary counts systems, categories and codes on standard error, keeping standard output JSON Lines', () => {
		const lines = [
			JSON.stringify({ status: 500, headers: {}, body: JSON.parse(retryLater.split('\r\n\r\n')[1] ?? '{}') }),
			JSON.stringify({ status: 500, headers: {}, body: JSON.parse(retryLater.split('\r\n\r\n')[1] ?? '{}') }),
			'{oops',
		].join('\n');
		const { status, stdout, stderr } = run(['classify', '--jsonl', '--summary'], lines);
		expect(status).toBe(0);
		expect(stdout.trim().split('\n')).toHaveLength(3);
		expect(stderr).toContain('3 lines, 2 classified, 1 not readable');
		expect(stderr).toMatch(/By code:\n\s+2 {2}synchive\/retry-later/);
		expect(run(['classify', '--summary'], lines).stderr).toMatch(/--summary goes with classify --jsonl/);
	});
});
