/**
 * Feeds the catalog into Astro content collections.
 *
 * One loader per collection (sources, codes, statuses), all backed by the
 * same `loadCatalogOrThrow` call, so the build reads and checks the files
 * once and stops with every problem listed (file:line: entry: field: message)
 * before any page is rendered.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Catalog } from './catalog.ts';
import { catalogDirectory, loadCatalogOrThrow } from './load.ts';
import { catalogCodeSchema, catalogSourceSchema, statusEntrySchema } from './schema.ts';

type CollectionName = 'sources' | 'codes' | 'statuses';

let pending: Promise<Catalog> | undefined;
/** Collections that already listen for catalog edits in dev; one listener each. */
const watching = new Set<CollectionName>();

/** Loads once per build; a change in dev starts a new load. */
function sharedCatalog(root: string): Promise<Catalog> {
	pending ??= loadCatalogOrThrow(root);
	return pending;
}

async function fill(collection: CollectionName, catalog: Catalog, context: LoaderContext): Promise<void> {
	const { store, parseData, generateDigest } = context;
	store.clear();
	const entries =
		collection === 'sources'
			? catalog.sources.map((source) => ({ id: source.id, data: source, filePath: source.file }))
			: collection === 'codes'
				? catalog.codes.map((code) => ({ id: code.name, data: code, filePath: code.file }))
				: catalog.statuses.map((status) => ({ id: String(status.status), data: status, filePath: undefined }));
	for (const { id, data, filePath } of entries) {
		const record = data as unknown as Record<string, unknown>;
		const parsed = await parseData({ id, data: record, ...(filePath ? { filePath } : {}) });
		store.set({ id, data: parsed, digest: generateDigest(record), ...(filePath ? { filePath } : {}) });
	}
}

export function catalogLoader(collection: CollectionName): Loader {
	const schema =
		collection === 'sources' ? catalogSourceSchema : collection === 'codes' ? catalogCodeSchema : statusEntrySchema;
	return {
		name: `error-atlas-catalog-${collection}`,
		schema,
		async load(context) {
			const root = fileURLToPath(context.config.root);
			await fill(collection, await sharedCatalog(root), context);
			if (!context.watcher || watching.has(collection)) return;
			watching.add(collection);
			context.watcher.add(catalogDirectory(root));
			context.watcher.on('all', async (_event, path) => {
				if (!path.startsWith(catalogDirectory(root))) return;
				pending = undefined;
				try {
					await fill(collection, await sharedCatalog(root), context);
				} catch (error) {
					context.logger.error(error instanceof Error ? error.message : String(error));
				}
			});
		},
	};
}
