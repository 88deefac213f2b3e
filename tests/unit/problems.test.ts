/**
 * A broken catalog entry produces one precise line naming file, entry and field,
 * from the loader, from `npm run check:catalog`, and from `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.ts';
import { formatProblem } from '../../src/catalog/problems.ts';

const root = process.cwd();
const scratch = join(root, '.cache', 'test-catalogs');
let counter = 0;

/** A copy of the real catalog, with `edit` applied to one YAML file. */
async function brokenCatalog(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Promise<string> {
	const dir = join(scratch, `case-${process.pid}-${++counter}`);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	await cp(join(root, 'content', 'catalog'), dir, { recursive: true });
	const path = join(dir, file);
	const doc = parseDocument(await readFile(path, 'utf8'));
	edit(doc);
	await writeFile(path, doc.toString());
	return dir;
}

async function problemLines(dir: string): Promise<string[]> {
	const { problems } = await loadCatalog(root, dir);
	return problems.map(formatProblem);
}

/** Index of a code in its file, so edits target a known entry. */
function indexOf(doc: ReturnType<typeof parseDocument>, id: string): number {
	const codes = doc.toJS().codes as { id: string }[];
	const index = codes.findIndex((code) => code.id === id);
	if (index < 0) throw new Error(`no ${id} in file`);
	return index;
}

afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

describe('catalog problems', () => {
	it('names an unknown category with the file, line, entry and field', async () => {
		const dir = await brokenCatalog('codes/botpress.yaml', (doc) =>
			doc.setIn(['codes', indexOf(doc, 'invalid-payload'), 'category'], 'bogus')
		);
		const lines = await problemLines(dir);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^\.cache\/test-catalogs\/case-\d+-\d+\/codes\/botpress\.yaml:\d+: botpress\/invalid-payload: category: "bogus" is not one of "authentication", /
		);
	});

	it('names a duplicate id', async () => {
		const dir = await brokenCatalog('codes/integration-labs.yaml', (doc) =>
			doc.setIn(['codes', indexOf(doc, 'invalid-params'), 'id'], 'missing-params')
		);
		const lines = await problemLines(dir);
		expect(
			lines.some((line) =>
				/integration-labs\.yaml: integration-labs\/missing-params: id: duplicate id "missing-params" in source integration-labs/.test(
					line
				)
			)
		).toBe(true);
	});

	it('names a dangling related entry', async () => {
		const dir = await brokenCatalog('codes/synchive.yaml', (doc) =>
			doc.setIn(['codes', indexOf(doc, 'retry-later'), 'related'], ['botpress/no-such-type'])
		);
		expect(await problemLines(dir)).toEqual([
			expect.stringMatching(
				/synchive\.yaml: synchive\/retry-later: related\.0: "botpress\/no-such-type" is not a code in the catalog$/
			),
		]);
	});

	it('names a status out of range', async () => {
		const dir = await brokenCatalog('codes/datafold.yaml', (doc) =>
			doc.setIn(['codes', indexOf(doc, 'integrity'), 'status'], 999)
		);
		expect(await problemLines(dir)).toEqual([
			expect.stringMatching(
				/datafold\.yaml:\d+: datafold\/integrity: status: must be an HTTP status between 100 and 599$/
			),
		]);
	});

	it('names a missing field, pointing at the entry', async () => {
		const dir = await brokenCatalog('codes/botpress.yaml', (doc) =>
			doc.deleteIn(['codes', indexOf(doc, 'rate-limited'), 'summary'])
		);
		expect(await problemLines(dir)).toEqual([
			expect.stringMatching(/botpress\.yaml:\d+: botpress\/rate-limited: summary: is required$/),
		]);
	});

	it('names an unknown field', async () => {
		const dir = await brokenCatalog('codes/botpress.yaml', (doc) =>
			doc.setIn(['codes', indexOf(doc, 'forbidden'), 'severity'], 'high')
		);
		expect(await problemLines(dir)).toEqual([
			expect.stringMatching(/botpress\.yaml:\d+: botpress\/forbidden: \(entry\): unknown field\(s\) severity$/),
		]);
	});

	it('names a YAML syntax error with its line', async () => {
		const dir = await brokenCatalog('codes/botpress.yaml', () => undefined);
		const path = join(dir, 'codes', 'botpress.yaml');
		await writeFile(path, `${await readFile(path, 'utf8')}\n  - id: [unclosed\n`);
		const lines = await problemLines(dir);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/botpress\.yaml:\d+: \(file\): \(syntax\): /);
	});

	it('fails `npm run check:catalog` with the same lines and exit status 1', async () => {
		const dir = await brokenCatalog('codes/botpress.yaml', (doc) =>
			doc.setIn(['codes', indexOf(doc, 'invalid-payload'), 'category'], 'bogus')
		);
		const run = spawnSync(process.execPath, ['scripts/check-catalog.ts'], {
			env: { ...process.env, ERROR_ATLAS_CATALOG: dir },
			encoding: 'utf8',
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/botpress\.yaml:\d+: botpress\/invalid-payload: category: "bogus" is not one of/);
		expect(run.stderr).toContain('1 catalog problem.');
	});

	it('fails `npm run build` with the same line', async () => {
		const dir = await brokenCatalog('codes/botpress.yaml', (doc) =>
			doc.setIn(['codes', indexOf(doc, 'invalid-payload'), 'category'], 'bogus')
		);
		const run = spawnSync('npx', ['astro', 'build', '--outDir', join(dir, 'dist')], {
			env: { ...process.env, ERROR_ATLAS_CATALOG: dir, ASTRO_TELEMETRY_DISABLED: '1' },
			encoding: 'utf8',
		});
		expect(run.status).not.toBe(0);
		expect(`${run.stdout}${run.stderr}`).toMatch(
			/botpress\.yaml:\d+: botpress\/invalid-payload: category: "bogus" is not one of/
		);
	});
});
