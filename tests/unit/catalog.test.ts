/**
 * The real catalog: complete, consistent, and faithful to SPEC §1.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/catalog/categories.ts';
import { exampleToHttp } from '../../src/catalog/example.ts';
import { normalizeAlias, STANDARD_ERROR_STATUSES } from '../../src/catalog/integrity.ts';
import { loadCatalog } from '../../src/catalog/load.ts';
import { formatProblem } from '../../src/catalog/problems.ts';
import { CATEGORY_IDS } from '../../src/catalog/schema.ts';

const { catalog, problems } = await loadCatalog(process.cwd());

describe('the catalog', () => {
	it('has no problems', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('documents every source of the SPEC', () => {
		const platforms = ['integration-labs', 'integry', 'synchive', 'botpress', 'datafold'];
		const formats = [
			'rfc9457',
			'google',
			'graphql',
			'jsonapi',
			'stripe',
			'github',
			'aws',
			'odata',
			'salesforce',
			'slack',
			'twilio',
			'hubspot',
			'shopify',
		];
		for (const id of platforms) expect(catalog.source(id)?.kind, id).toBe('platform');
		for (const id of formats) expect(catalog.source(id)?.kind, id).toBe('format');
		expect(catalog.source('http')?.kind).toBe('http');
	});

	it('has all seven Integration Labs codes with their documented statuses', () => {
		const codes = Object.fromEntries(catalog.codesOfSource('integration-labs').map((code) => [code.id, code.status]));
		expect(codes).toEqual({
			'missing-params': 400,
			'invalid-params': 400,
			'record-already-exists': 400,
			'operation-denied': 400,
			'unknown-error': 400,
			'platform-denied': 400,
			'internal-error': 500,
		});
	});

	it('has the 24 types of Botpress’s errors page, and the 2 its client adds, each sourced where it is defined', () => {
		const errorsPage = catalog.source('botpress')?.references[0]?.url;
		const fromDocs = (code: { references: { url: string }[] }) => code.references.some((ref) => ref.url === errorsPage);
		const botpress = catalog.codesOfSource('botpress');
		expect(botpress.filter(fromDocs)).toHaveLength(24);
		expect(botpress.filter((code) => !fromDocs(code)).map((code) => code.wireCode)).toEqual([
			'ResourceGone',
			'OperationTimeout',
		]);
		const types = Object.fromEntries(botpress.map((code) => [code.wireCode, code.status]));
		expect(types).toEqual({
			Unknown: 500,
			Internal: 500,
			InvalidPayload: 400,
			InvalidJsonSchema: 400,
			InvalidDataFormat: 400,
			InvalidIdentifier: 400,
			ReferenceNotFound: 400,
			InvalidQuery: 400,
			Runtime: 400,
			BreakingChanges: 400,
			Unauthorized: 401,
			PaymentRequired: 402,
			Forbidden: 403,
			QuotaExceeded: 403,
			ResourceNotFound: 404,
			MethodNotFound: 405,
			RelationConflict: 409,
			ReferenceConstraint: 409,
			ResourceLockedConflict: 409,
			AlreadyExists: 409,
			ResourceGone: 410,
			PayloadTooLarge: 413,
			LimitExceeded: 413,
			UnsupportedMediaType: 415,
			RateLimited: 429,
			OperationTimeout: 504,
		});
	});

	it('has SyncHive, Integry and Datafold entries named in the SPEC', () => {
		for (const name of [
			'synchive/retry-later',
			'synchive/publish-error',
			'synchive/process-error',
			'synchive/pause-integration',
			'datafold/integrity',
			'integry/function-not-run',
			'integry/network-409',
		]) {
			expect(catalog.code(name), name).toBeDefined();
		}
		expect(catalog.source('synchive')?.codeScheme?.examples.map((example) => example.code)).toContain('4005E');
	});

	it('resolves every related entry, in both directions of the link', () => {
		for (const code of catalog.codes) {
			for (const name of code.related) expect(catalog.code(name), `${code.name} → ${name}`).toBeDefined();
		}
	});

	it('has aliases that are unique across the catalog', () => {
		const owners = new Map<string, string>();
		for (const code of catalog.codes) {
			for (const alias of code.aliases) {
				const key = normalizeAlias(alias);
				expect(owners.get(key) ?? code.name, `alias "${alias}"`).toBe(code.name);
				owners.set(key, code.name);
			}
		}
	});

	it('has a status entry for every status in use and the standard 4xx/5xx set', () => {
		const used = new Set([
			...catalog.codes.map((code) => code.status),
			...catalog.codes.flatMap((code) => code.examples.map((example) => example.status)),
			...STANDARD_ERROR_STATUSES,
		]);
		for (const status of used) expect(catalog.status(status), `status ${status}`).toBeDefined();
	});

	it('describes every category of the schema', () => {
		expect(CATEGORIES.map((category) => category.id)).toEqual([...CATEGORY_IDS]);
	});

	it('has example responses with a status line, and JSON that parses when it says it is JSON', () => {
		for (const code of catalog.codes) {
			for (const example of code.examples) {
				const text = exampleToHttp(example, catalog.status(example.status)?.name);
				expect(text.startsWith(`HTTP/1.1 ${example.status} `), code.name).toBe(true);
				const contentType = Object.entries(example.headers).find(
					([name]) => name.toLowerCase() === 'content-type'
				)?.[1];
				if (typeof example.body === 'string' && contentType?.includes('json')) {
					expect(() => JSON.parse(example.body as string), `${code.name} body`).not.toThrow();
				}
			}
		}
	});
});
