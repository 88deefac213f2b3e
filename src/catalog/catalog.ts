/**
 * The catalog as the rest of the project uses it: validated entries plus
 * the indexes every page needs (codes by source, status and category).
 * Pure: it takes entries and builds lookups; reading files is `read.ts`'s job.
 */
import type { CatalogFiles } from './read.ts';
import { CATEGORY_IDS, type CatalogCode, type CatalogSource, type CategoryId, type StatusEntry } from './schema.ts';

export interface Catalog {
	sources: readonly CatalogSource[];
	codes: readonly CatalogCode[];
	statuses: readonly StatusEntry[];
	source(id: string): CatalogSource | undefined;
	code(name: string): CatalogCode | undefined;
	status(status: number): StatusEntry | undefined;
	codesOfSource(id: string): readonly CatalogCode[];
	codesWithStatus(status: number): readonly CatalogCode[];
	codesInCategory(category: CategoryId): readonly CatalogCode[];
}

function groupBy<K, V>(items: readonly V[], keyOf: (item: V) => K): Map<K, V[]> {
	const groups = new Map<K, V[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}

/** Source order: the five platforms first as listed, then formats, then HTTP. */
const KIND_ORDER = { platform: 0, format: 1, http: 2 } as const;

export function createCatalog(files: Pick<CatalogFiles, 'sources' | 'codes' | 'statuses'>): Catalog {
	const sources = [...files.sources].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
	const statuses = [...files.statuses].sort((a, b) => a.status - b.status);
	const codes = files.codes;
	const sourceById = new Map(sources.map((source) => [source.id, source]));
	const codeByName = new Map(codes.map((code) => [code.name, code]));
	const statusByNumber = new Map(statuses.map((entry) => [entry.status, entry]));
	const bySource = groupBy(codes, (code) => code.source);
	// A code is listed on the page of every status it is documented with.
	const byStatus = new Map<number, CatalogCode[]>();
	for (const code of codes)
		for (const status of [code.status, ...code.otherStatuses])
			byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
	const byCategory = groupBy(codes, (code) => code.category);
	// Every category has a (possibly empty) list, so pages need no special case.
	for (const category of CATEGORY_IDS) if (!byCategory.has(category)) byCategory.set(category, []);

	return {
		sources,
		codes,
		statuses,
		source: (id) => sourceById.get(id),
		code: (name) => codeByName.get(name),
		status: (status) => statusByNumber.get(status),
		codesOfSource: (id) => bySource.get(id) ?? [],
		codesWithStatus: (status) => byStatus.get(status) ?? [],
		codesInCategory: (category) => byCategory.get(category) ?? [],
	};
}
