/**
 * The part of the catalog the classifier needs, as plain JSON-able data.
 *
 * The classifier is pure and runs in Node and the browser, so it never loads
 * the catalog itself: the CLI and tests build this from `loadCatalog()`, the
 * playground receives it embedded in the page. One function makes it, so all
 * three see the same thing.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { CATEGORIES } from '../catalog/categories.ts';
import type { CategoryId, VendorCode } from '../catalog/schema.ts';

export interface ClassifierCode {
	name: string;
	source: string;
	id: string;
	wireCode?: string;
	status: number;
	category: CategoryId;
	retryable: boolean | null;
	retryNote?: string;
	title: string;
	summary: string;
	fixes: string[];
}

export interface ClassifierStatus {
	status: number;
	name: string;
	category?: CategoryId;
	retryable: boolean | null;
	retry: string;
	meaning: string;
}

export interface ClassifierCategory {
	id: CategoryId;
	title: string;
	meaning: string;
	handling: string;
}

export interface ClassifierData {
	codes: ClassifierCode[];
	statuses: ClassifierStatus[];
	categories: ClassifierCategory[];
	/** Vendor code tables by format id (the upstream formats' `vendorCodes`). */
	vendorCodes: Record<string, VendorCode[]>;
	/** Display names of sources and formats by id. */
	sourceNames: Record<string, string>;
}

export function toClassifierData(catalog: Catalog): ClassifierData {
	return {
		codes: catalog.codes.map((code) => ({
			name: code.name,
			source: code.source,
			id: code.id,
			...(code.wireCode ? { wireCode: code.wireCode } : {}),
			status: code.status,
			category: code.category,
			retryable: code.retryable,
			...(code.retryNote ? { retryNote: code.retryNote } : {}),
			title: code.title,
			summary: code.summary,
			fixes: code.fixes,
		})),
		statuses: catalog.statuses.map((entry) => ({
			status: entry.status,
			name: entry.name,
			...(entry.category ? { category: entry.category } : {}),
			retryable: entry.retryable,
			retry: entry.retry,
			meaning: entry.meaning,
		})),
		categories: CATEGORIES.map(({ id, title, meaning, handling }) => ({ id, title, meaning, handling })),
		vendorCodes: Object.fromEntries(
			catalog.sources.filter((source) => source.vendorCodes.length > 0).map((source) => [source.id, source.vendorCodes])
		),
		sourceNames: Object.fromEntries(catalog.sources.map((source) => [source.id, source.name])),
	};
}
