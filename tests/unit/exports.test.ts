/**
 * The catalog's exports, generated at build time: each has the shape its
 * schema promises, for every entry, and follows the entry it came from.
 */
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema, codeJsonSchema, toCatalogJson, toCodeJson } from '../../src/catalog/export.ts';
import { llmsFull, llmsIndex, type LlmsGuide } from '../../src/catalog/llms-text.ts';
import { loadCatalog } from '../../src/catalog/load.ts';
import { createCatalog } from '../../src/catalog/catalog.ts';

const { catalog } = await loadCatalog(process.cwd());
const absolute = (path: string) => `https://example.github.io/error-atlas${path}`;
const guides: LlmsGuide[] = [
	{
		title: 'Reading an error response',
		description: 'A step-by-step way to read any error. More text.',
		url: '/guides/reading-error-responses/',
		body: 'import X from \'./x\';\n\n## 1. The status line\n\nText.\n\n<PlaygroundLink example="a/b/0" />\n',
	},
];

describe('/catalog.json and /codes/<source>/<id>.json', () => {
	it('match their schemas for every entry', () => {
		expect(catalogJsonSchema.safeParse(toCatalogJson(catalog)).success).toBe(true);
		for (const code of catalog.codes) {
			const parsed = codeJsonSchema.safeParse(toCodeJson(catalog, code));
			expect(parsed.success, `${code.name}: ${parsed.error?.message}`).toBe(true);
		}
	});

	it('change when an entry changes, in every export of the same build', () => {
		const code = catalog.codes[0];
		if (!code) throw new Error('empty catalog');
		const changed = createCatalog({
			sources: [...catalog.sources],
			statuses: [...catalog.statuses],
			codes: catalog.codes.map((entry) => (entry.name === code.name ? { ...entry, title: 'A changed title' } : entry)),
		});
		const changedCode = changed.code(code.name);
		if (!changedCode) throw new Error('lost the entry');
		expect(toCodeJson(changed, changedCode).title).toBe('A changed title');
		expect(toCatalogJson(changed).codes.find((entry) => entry.name === code.name)?.title).toBe('A changed title');
		expect(llmsIndex(changed, guides, absolute)).toContain('A changed title');
		expect(llmsFull(changed, guides, absolute)).toContain('## A changed title');
	});
});

describe('llms.txt', () => {
	it('has the llms.txt shape: a title, a summary, then sections of links with absolute URLs', () => {
		const text = llmsIndex(catalog, guides, absolute);
		const lines = text.split('\n');
		expect(lines[0]).toBe('# Error Atlas');
		expect(lines[2]).toMatch(/^> /);
		for (const line of lines.filter((item) => item.startsWith('- ')))
			expect(line, line).toMatch(/^- \[[^\]]+\]\(https:\/\/example\.github\.io\/error-atlas\/[^)]*\)/);
		expect(text).toContain('## Codes');
		expect(lines.filter((line) => line.includes('/codes/')).length).toBeGreaterThanOrEqual(catalog.codes.length);
	});

	it('puts every code page and every guide in llms-full.txt, without MDX imports or components', () => {
		const text = llmsFull(catalog, guides, absolute);
		for (const code of catalog.codes) expect(text).toContain(`URL: ${absolute(`/codes/${code.name}/`)}`);
		expect(text).toContain('## 1. The status line');
		expect(text).not.toContain("import X from './x'");
		expect(text).not.toContain('<PlaygroundLink');
	});
});

describe('/openapi/problem-responses.yaml', () => {
	it('is a valid OpenAPI 3.1 document with a schema and a response per JSON envelope', async () => {
		const { openApiComponents } = await import('../../src/catalog/openapi.ts');
		const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
		const document = openApiComponents(catalog, absolute);
		const copy = JSON.parse(JSON.stringify(document)) as Parameters<typeof SwaggerParser.validate>[0];
		await expect(SwaggerParser.validate(copy)).resolves.toBeTruthy();
		const components = document.components as { schemas: Record<string, unknown>; responses: Record<string, unknown> };
		expect(Object.keys(components.schemas).length).toBeGreaterThan(30);
		expect(components.schemas.SynchiveError).toMatchObject({
			type: 'object',
			properties: { typeCode: { type: 'string' } },
		});
		expect(components.responses.Rfc9457Error).toMatchObject({
			content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Rfc9457Error' } } },
		});
	});
});
