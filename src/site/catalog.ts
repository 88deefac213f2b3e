/**
 * The catalog as pages see it: built from the content collections, so pages
 * read exactly what the content loader validated.
 */
import { getCollection } from 'astro:content';
import { createCatalog, type Catalog } from '../catalog/catalog.ts';

let cached: Promise<Catalog> | undefined;

async function build(): Promise<Catalog> {
	const [sources, codes, statuses] = await Promise.all([
		getCollection('sources'),
		getCollection('codes'),
		getCollection('statuses'),
	]);
	return createCatalog({
		sources: sources.map((entry) => entry.data),
		codes: codes.map((entry) => entry.data),
		statuses: statuses.map((entry) => entry.data),
	});
}

/** One catalog per build; in dev every request rebuilds it so edits show up. */
export function getCatalog(): Promise<Catalog> {
	if (import.meta.env.DEV) return build();
	cached ??= build();
	return cached;
}
