/** The exact-match index sends every spelling of a code to its page. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { SHARD_BUDGET, shardExactIndex, shardFileName, shardOf } from '../../src/catalog/search-shards.ts';
import {
	buildExactTermIndex,
	codeTerms,
	exactMatches,
	lookupTerms,
	normalizeTerm,
	spellings,
	type ExactTermIndex,
} from '../../src/catalog/search-terms.ts';
import { codeUrl } from '../../src/catalog/urls.ts';
import { splitInlineCode } from '../../src/site/inline-code.ts';

const { catalog } = await loadCatalog(process.cwd());
const index = buildExactTermIndex(catalog);
const urlsFor = (term: string) => (index[normalizeTerm(term)] ?? []).map((target) => target.url);

describe('exact search terms', () => {
	it('maps every id, qualified name, wire code and alias of a code to its page', () => {
		for (const code of catalog.codes) {
			for (const term of codeTerms(code)) expect(urlsFor(term), `${code.name}: ${term}`).toContain(codeUrl(code.name));
		}
	});

	it('matches regardless of case and spacing', () => {
		expect(urlsFor('invalidpayload')).toEqual(['/codes/botpress/invalid-payload/']);
		expect(urlsFor('  Invalid   Payload ')).toEqual(['/codes/botpress/invalid-payload/']);
		expect(urlsFor('retry_later')).toEqual(['/codes/synchive/retry-later/']);
	});

	it('maps statuses, scheme examples, sources and categories', () => {
		expect(urlsFor('409')).toEqual(['/status/409/']);
		expect(urlsFor('HTTP 429')).toEqual(['/status/429/']);
		expect(urlsFor('4005E')).toEqual(['/sources/synchive/#code-scheme']);
		expect(urlsFor('Limber')).toEqual(['/sources/synchive/']);
		expect(urlsFor('rate-limit')).toContain('/categories/rate-limit/');
	});

	it('lists every system that shares a code, and the one the query names first', () => {
		const shared = urlsFor('THROTTLED');
		expect(shared).toEqual(expect.arrayContaining(['/codes/graphql/throttled/', '/codes/shopify/throttled/']));
		const first = (query: string) => exactMatches(query, index)[0]?.url;
		expect(first('shopify THROTTLED')).toBe('/codes/shopify/throttled/');
		expect(first('GraphQL throttled')).toBe('/codes/graphql/throttled/');
		expect(first('THROTTLED shopify')).toBe('/codes/shopify/throttled/');
		expect(first('Stripe card_declined')).toBe('/codes/stripe/card-declined/');
		expect(exactMatches('shopify THROTTLED', index).map((target) => target.url)).toEqual(
			expect.arrayContaining(shared)
		);
		expect(exactMatches('stripe nothing-like-this', index)).toEqual([]);
	});

	it('finds a wire code however it is retyped: spaced, split at its capitals, any case', () => {
		expect(spellings('NoSuchKey')).toEqual(['No Such Key']);
		expect(spellings('card_declined')).toEqual(['card declined']);
		expect(spellings('INVALID_SESSION_ID')).toEqual(['INVALID SESSION ID']);
		expect(spellings('HTTPTimeout')).toEqual(['HTTP Timeout']);
		expect(spellings('ratelimited')).toEqual([]);
		expect(urlsFor('no such key')).toContain('/codes/aws/no-such-key/');
		expect(urlsFor('Card Declined')).toContain('/codes/stripe/card-declined/');
		expect(urlsFor('invalid session id')).toContain('/codes/salesforce/invalid-session-id/');
	});

	it('puts a status first when its name is also a code, and a code spelled exactly as typed first', () => {
		const first = (query: string) => exactMatches(query, index)[0]?.url;
		expect(first('Unprocessable Content')).toBe('/status/422/');
		expect(first('card_declined')).toBe('/codes/stripe/card-declined/');
		expect(first('CARD_DECLINED')).toBe('/codes/square/card-declined/');
	});

	it('has no entry for text that is not exactly a term', () => {
		expect(urlsFor('already')).toEqual([]);
		expect(urlsFor('')).toEqual([]);
	});
});

describe('the sharded exact index', () => {
	const { manifest, shards } = shardExactIndex(index);
	const prefixes = new Set(manifest.prefixes);
	/** What the search dialog holds after fetching the shards a query reads. */
	const loaded = (query: string): ExactTermIndex =>
		Object.assign(
			{},
			...lookupTerms(query).flatMap((term) => {
				const prefix = shardOf(term, prefixes);
				return prefix === undefined ? [] : [shards.get(prefix)];
			})
		) as ExactTermIndex;

	it('puts every term in the one shard the browser looks in', () => {
		let count = 0;
		for (const [prefix, terms] of shards) {
			for (const term of Object.keys(terms)) {
				expect(shardOf(term, prefixes), term).toBe(prefix);
				count++;
			}
		}
		expect(count).toBe(Object.keys(index).length);
	});

	it('keeps shards small, gives each its own file name, and keeps the manifest small', () => {
		for (const [prefix, terms] of shards)
			if (prefix.length < 12) expect(JSON.stringify(terms).length, prefix).toBeLessThanOrEqual(SHARD_BUDGET + 1024);
		expect(new Set(manifest.prefixes.map(shardFileName)).size).toBe(manifest.prefixes.length);
		expect(JSON.stringify(manifest).length).toBeLessThan(20 * 1024);
		expect(shardFileName('')).toBe('_');
		expect(shardFileName('a/b c')).toBe('a_00002fb_000020c');
	});

	it('answers every query from its shards exactly as from the whole index', () => {
		const queries = [
			...Object.keys(index).slice(0, 3000),
			'stripe card_declined',
			'NoSuchKey aws',
			'THROTTLED graphql',
			'  Invalid   Payload ',
			'409',
			'a query that names nothing at all and runs on',
		];
		for (const query of queries) expect(exactMatches(query, loaded(query)), query).toEqual(exactMatches(query, index));
	});
});

describe('inline code in catalog prose', () => {
	it('splits backtick spans into code parts', () => {
		expect(splitInlineCode('Branch on `error.code`, not `message`.')).toEqual([
			{ code: false, text: 'Branch on ' },
			{ code: true, text: 'error.code' },
			{ code: false, text: ', not ' },
			{ code: true, text: 'message' },
			{ code: false, text: '.' },
		]);
	});

	it('leaves text with an unmatched backtick as it is', () => {
		expect(splitInlineCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
	});
});
