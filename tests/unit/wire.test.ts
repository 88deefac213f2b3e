/**
 * Recognition is catalog data: these tests keep it honest as sources are
 * added. No two sources may claim the same response with equal evidence,
 * every code an entry declares must be reachable, and no TypeScript module
 * may name a catalog source or entry where the catalog should decide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleToHttp } from '../../src/catalog/example.ts';
import { loadCatalog } from '../../src/catalog/load.ts';
import { formatProblem } from '../../src/catalog/problems.ts';
import { checkWire } from '../../src/catalog/wire-integrity.ts';
import { firstElementText, parseBody } from '../../src/classifier/body.ts';
import { toClassifierData } from '../../src/classifier/data.ts';
import { readInput, readValue } from '../../src/classifier/input.ts';
import { wireCodeIndex } from '../../src/classifier/wire/codes.ts';
import { htmlPage, type WireDocument } from '../../src/classifier/wire/locate.ts';
import { claims, rivals } from '../../src/classifier/wire/recognize.ts';

const root = process.cwd();
const { catalog } = await loadCatalog(root);
const data = toClassifierData(catalog);
const codes = wireCodeIndex(data.codes);

/** The responses we know the sender of: every catalog example, every source's envelope example, every fixture. */
function knownResponses(): { name: string; text: string }[] {
	const examples = catalog.codes.flatMap((code) =>
		code.examples.map((example, index) => ({
			name: `${code.name} example ${index + 1}`,
			text: exampleToHttp(example, catalog.status(example.status)?.name),
		}))
	);
	const envelopes = catalog.sources.map((source) => ({
		name: `${source.id} envelope`,
		text: exampleToHttp(source.envelope.example, catalog.status(source.envelope.example.status)?.name),
	}));
	const dir = join(root, 'tests', 'fixtures', 'responses');
	const fixtures = readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		.flatMap((file) =>
			(parse(readFileSync(join(dir, file), 'utf8')) as { name: string; input: string }[]).map((fixture) => ({
				name: `${file}: ${fixture.name}`,
				text: fixture.input,
			}))
		);
	return [...examples, ...envelopes, ...fixtures];
}

function documentOf(text: string): WireDocument {
	const input = readInput(text);
	const response = input.parsedBody !== undefined ? readValue(input.parsedBody) : input;
	const body = parseBody(response.body, response.headers, response.parsedBody);
	const headers = response.headers;
	switch (body.kind) {
		case 'json':
			return { body: { kind: 'json', value: body.value }, headers };
		case 'xml':
			return { body: { kind: 'xml', markup: body.text }, headers };
		case 'html':
			return {
				body: htmlPage(body.text, firstElementText(body.text, 'title'), firstElementText(body.text, 'h1')),
				headers,
			};
		case 'text':
			return { body: { kind: 'text', text: body.text }, headers };
		case 'empty':
			return { body: { kind: 'empty' }, headers };
	}
}

describe('recognition as data', () => {
	it('never lets two sources claim the same known response with equal evidence', () => {
		const ties: string[] = [];
		for (const { name, text } of knownResponses()) {
			const document = documentOf(text);
			const found = claims(document, data.sources, codes);
			const tied = rivals(found);
			if (tied.length > 0) ties.push(`${name}: ${[found[0], ...tied].map((claim) => claim?.source).join(' = ')}`);
		}
		expect(ties).toEqual([]);
	});

	it('rejects a code declared under a field its source never reads, naming file, entry and field', () => {
		const stripe = catalog.source('stripe');
		const card = catalog.code('stripe/card-declined');
		expect(stripe && card).toBeTruthy();
		if (!stripe || !card) return;
		const problems = checkWire({ sources: [stripe], codes: [{ ...card, wireField: 'error.reason' }] }).map(
			formatProblem
		);
		expect(problems).toEqual([
			expect.stringMatching(
				/^content\/catalog\/codes\/stripe\.yaml: stripe\/card-declined: wireField: "error\.reason" is never read/
			),
		]);
	});

	it('rejects two entries of a source that claim the same wire value', () => {
		const stripe = catalog.source('stripe');
		const card = catalog.code('stripe/card-declined');
		if (!stripe || !card) throw new Error('stripe/card-declined is missing');
		const twin = { ...card, id: 'card-declined-twin', name: 'stripe/card-declined-twin' };
		expect(checkWire({ sources: [stripe], codes: [card, twin] }).map(formatProblem)).toEqual([
			expect.stringContaining('already names stripe/card-declined'),
		]);
	});
});

/**
 * Modules that may name a source, each with the reason data cannot do it.
 * Everything else under src/ must get sources and entries from the catalog.
 */
const ALLOWED: Record<string, string> = {
	'src/linter/synchive.ts': 'lints a connector reply against SyncHive’s documented contract, rule by rule',
	'src/linter/rfc9457.ts': 'lints a body against RFC 9457’s rules, rule by rule',
	'src/linter/lint.ts': 'dispatches to the two linters above by their contract name',
	'src/linter/types.ts': 'names the contracts a response can be linted against',
	'src/playground/Playground.tsx': 'names the two lint targets in its menu',
	'src/mcp/server.ts': 'its tool descriptions and error hints show an agent example codes to send',
};

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'snippets' || entry.name === 'content' ? [] : sourceFiles(path);
		return /\.(ts|tsx|astro)$/.test(entry.name) ? [path] : [];
	});
}

describe('knowledge is data', () => {
	it('names no catalog source or entry in TypeScript outside the modules that must', () => {
		// Quoted ids only: a source id as a string literal, or a qualified entry name anywhere.
		const sourceIds = catalog.sources.map((source) => source.id).filter((id) => id !== 'http');
		const literal = new RegExp(`['"\`](${sourceIds.join('|')})['"\`]`);
		const qualified = new RegExp(`['"\`/](${sourceIds.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*/?['"\`]`);
		const offenders: string[] = [];
		for (const path of sourceFiles(join(root, 'src'))) {
			const file = relative(root, path);
			if (ALLOWED[file]) continue;
			readFileSync(path, 'utf8')
				.split('\n')
				.forEach((line, index) => {
					const code = line.replace(/\/\/.*$|^\s*\*.*$|\/\*.*?\*\//g, '');
					const match = literal.exec(code) ?? qualified.exec(code);
					if (match) offenders.push(`${file}:${index + 1}: ${match[0]}`);
				});
		}
		expect(offenders).toEqual([]);
	});
});

describe('relays (SPEC §3 `inner`)', () => {
	it('classifies an Integry relay of a Stripe card decline as a payment error, with both codes linked', async () => {
		const { classify } = await import('../../src/classifier/index.ts');
		const body = {
			network_code: 402,
			output: {
				error: {
					type: 'card_error',
					code: 'card_declined',
					decline_code: 'insufficient_funds',
					message: 'Your card has insufficient funds.',
					doc_url: 'https://stripe.com/docs/error-codes/card-declined',
				},
			},
		};
		const result = classify(`HTTP/1.1 200 OK\ncontent-type: application/json\n\n${JSON.stringify(body)}`, data);
		expect(result.code).toBe('integry/network-402');
		expect(result.links.code).toBe('/codes/integry/network-402/');
		expect(result.inner?.code).toBe('stripe/decline-insufficient-funds');
		expect(result.inner?.links.code).toBe('/codes/stripe/decline-insufficient-funds/');
		expect(result.category).toBe('payment');
		expect(result.retryable).toBe(false);
		expect(result.explanation).toContain('stripe/decline-insufficient-funds');
	});

	it('keeps the relay’s own verdict when the inner response names no code', async () => {
		const { classify } = await import('../../src/classifier/index.ts');
		const body = { network_code: 409, output: { message: 'Member Exists' } };
		const result = classify({ status: 200, headers: {}, body: JSON.stringify(body) }, data);
		expect(result.code).toBe('integry/network-409');
		expect(result.inner?.code).toBeNull();
		expect(result.category).toBe(catalog.code('integry/network-409')?.category);
	});
});
