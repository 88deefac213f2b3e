/**
 * Quotation marks promise someone's exact words. The catalog check makes
 * every quoted passage declare where it comes from; these tests hold the
 * declared quotes of the five platforms to the words of their docs, as kept
 * in `../shared/seeds/` (the platforms' error pages) beside the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { formatProblem } from '../../src/catalog/problems.ts';
import { checkQuotes, quotedPassages } from '../../src/catalog/quote-integrity.ts';

const root = process.cwd();
const { catalog } = await loadCatalog(root);
const seeds = join(root, '..', 'shared', 'seeds');
const docsText = existsSync(seeds)
	? readdirSync(seeds)
			.filter((name) => name.endsWith('.txt'))
			.map((name) => readFileSync(join(seeds, name), 'utf8'))
			.join('\n')
			.replace(/\s+/g, ' ')
	: '';

describe('quotes', () => {
	it('finds quoted passages, but not JSON in inline code or short values', () => {
		expect(
			quotedPassages('The docs say "cannot be operated on until released." Then `{"ok": false}` and "Member Exists".')
		).toEqual(['cannot be operated on until released']);
	});

	it('rejects a quoted passage that is not declared, naming file, entry and field', () => {
		const code = catalog.code('botpress/resource-locked-conflict');
		if (!code) throw new Error('botpress/resource-locked-conflict is missing');
		const altered = {
			...code,
			notes: ['The docs say "the resource can\'t be operated on until the lock is released".'],
		};
		expect(checkQuotes({ sources: [], codes: [altered] }).map(formatProblem)).toEqual([
			expect.stringMatching(
				/^content\/catalog\/codes\/botpress\.yaml: botpress\/resource-locked-conflict: notes\.0: "the resource can't be operated on until the lock is released" is shown as a quote but is not in quotes/
			),
		]);
	});

	it('rejects a quote whose page is not among the entry’s references', () => {
		const code = catalog.code('botpress/resource-locked-conflict');
		if (!code) throw new Error('botpress/resource-locked-conflict is missing');
		const altered = {
			...code,
			quotes: code.quotes.map((quote) => ({ ...quote, url: 'https://example.com/elsewhere' })),
		};
		expect(checkQuotes({ sources: [], codes: [altered] }).map(formatProblem)).toContainEqual(
			expect.stringContaining('quotes.0.url: https://example.com/elsewhere is not one of the entry')
		);
	});

	it.skipIf(docsText === '')('quotes the five platforms’ error pages word for word', () => {
		// A quote from a platform's error page (its source's first reference) must stand in that page's text.
		const platformPages = new Set(
			catalog.sources.filter((source) => source.kind === 'platform').map((source) => source.references[0]?.url)
		);
		const entries = [
			...catalog.codes.map((code) => ({ entry: code.name, quotes: code.quotes })),
			...catalog.sources.map((source) => ({ entry: source.id, quotes: source.quotes })),
		];
		const quotes = entries.flatMap(({ entry, quotes }) =>
			quotes
				.filter((quote) => quote.kind === 'docs' && platformPages.has(quote.url))
				.map((quote) => ({ entry, text: quote.text }))
		);
		expect(quotes.length).toBeGreaterThanOrEqual(25);
		const misquoted = quotes.filter(({ text }) => !docsText.includes(text.replace(/\s+/g, ' ')));
		expect(misquoted).toEqual([]);
	});
});
