/** "Edit this entry · Last changed": the entry's own lines, its own date. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { codeProvenance } from '../../src/site/provenance.ts';

const FILE = 'content/catalog/codes/stripe.yaml';

describe('codeProvenance', () => {
	afterEach(() => {
		delete process.env.REPOSITORY_URL;
	});

	it('finds the entry’s first line and dates it from git', () => {
		const found = codeProvenance(process.cwd(), FILE, 'card-declined');
		const lines = readFileSync(FILE, 'utf8').split('\n');
		expect(lines[found.line - 1]).toMatch(/^\s*- id: card-declined$/);
		expect(found.changed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(found.editUrl).toBeUndefined();
	});

	it('links to the editor when the repository is known', () => {
		process.env.REPOSITORY_URL = 'https://github.com/example/error-atlas/';
		const found = codeProvenance(process.cwd(), FILE, 'card-declined');
		expect(found.editUrl).toBe(`https://github.com/example/error-atlas/edit/main/${FILE}#L${found.line}`);
	});
});
