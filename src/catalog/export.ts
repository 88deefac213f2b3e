/**
 * The catalog as published JSON (`/catalog.json`) and its JSON Schema
 * (`/catalog.schema.json`), for tools and LLMs. Derived from the same entries
 * and zod schemas as the pages, never maintained by hand.
 */
import { z } from 'zod';
import type { Catalog } from './catalog.ts';
import { CATEGORIES } from './categories.ts';
import { catalogCodeSchema, categoryIdSchema, sourceSchema, statusEntrySchema } from './schema.ts';
import type { CatalogCode } from './schema.ts';
import { categoryUrl, codeJsonUrl, codeUrl, sourceUrl, statusUrl } from './urls.ts';

export const CATALOG_FORMAT_VERSION = 1;

const exportedCode = catalogCodeSchema.omit({ file: true }).extend({ url: z.string() });
const exportedSource = sourceSchema.extend({ url: z.string() });
const exportedStatus = statusEntrySchema.extend({ url: z.string() });
const exportedCategory = z.object({ id: categoryIdSchema, title: z.string(), meaning: z.string(), url: z.string() });

export const catalogJsonSchema = z.object({
	version: z.literal(CATALOG_FORMAT_VERSION),
	categories: z.array(exportedCategory),
	sources: z.array(exportedSource),
	codes: z.array(exportedCode),
	statuses: z.array(exportedStatus),
});
export type CatalogJson = z.infer<typeof catalogJsonSchema>;

export function toCatalogJson(catalog: Catalog): CatalogJson {
	return {
		version: CATALOG_FORMAT_VERSION,
		categories: CATEGORIES.map(({ id, title, meaning }) => ({ id, title, meaning, url: categoryUrl(id) })),
		sources: catalog.sources.map(({ file: _file, ...source }) => ({ ...source, url: sourceUrl(source.id) })),
		codes: catalog.codes.map(({ file: _file, ...code }) => ({ ...code, url: codeUrl(code.name) })),
		statuses: catalog.statuses.map((entry) => ({ ...entry, url: statusUrl(entry.status) })),
	};
}

/** One code as JSON (`/codes/<source>/<id>.json`): the entry as in /catalog.json, with its source's name. */
export const codeJsonSchema = exportedCode.extend({
	version: z.literal(CATALOG_FORMAT_VERSION),
	json: z.string(),
	sourceName: z.string(),
});
export type CodeJson = z.infer<typeof codeJsonSchema>;

export function toCodeJson(catalog: Catalog, code: CatalogCode): CodeJson {
	const { file: _file, ...entry } = code;
	return {
		version: CATALOG_FORMAT_VERSION,
		...entry,
		url: codeUrl(code.name),
		json: codeJsonUrl(code.name),
		sourceName: catalog.source(code.source)?.name ?? code.source,
	};
}

export function catalogJsonSchemaDocument(): Record<string, unknown> {
	return {
		$id: '/catalog.schema.json',
		title: 'Error Atlas catalog',
		...z.toJSONSchema(catalogJsonSchema, { io: 'output' }),
	};
}
