/**
 * Loads and checks the whole catalog from disk: the entry point for the
 * content loader, the `check` script, the CLI and the tests.
 */
import { join, resolve } from 'node:path';
import { createCatalog, type Catalog } from './catalog.ts';
import { checkIntegrity } from './integrity.ts';
import { CatalogError, type CatalogProblem } from './problems.ts';
import { readCatalogFiles } from './read.ts';
import { checkQuotes } from './quote-integrity.ts';
import { checkWire } from './wire-integrity.ts';

export interface LoadResult {
	catalog: Catalog;
	problems: CatalogProblem[];
}

/**
 * The catalog directory: `content/catalog` under `root`, unless
 * `ERROR_ATLAS_CATALOG` names another one (the tests build broken catalogs).
 */
export function catalogDirectory(root: string): string {
	const override = process.env.ERROR_ATLAS_CATALOG;
	return override ? resolve(root, override) : join(root, 'content', 'catalog');
}

export async function loadCatalog(root: string, catalogDir = catalogDirectory(root)): Promise<LoadResult> {
	const { files, problems } = await readCatalogFiles(root, catalogDir);
	return {
		catalog: createCatalog(files),
		problems: [...problems, ...checkIntegrity(files), ...checkWire(files), ...checkQuotes(files)],
	};
}

/** Like `loadCatalog`, but any problem is fatal: what the build wants. */
export async function loadCatalogOrThrow(root: string, catalogDir?: string): Promise<Catalog> {
	const { catalog, problems } = await loadCatalog(root, catalogDir);
	if (problems.length > 0) throw new CatalogError(problems);
	return catalog;
}
