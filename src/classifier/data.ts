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
import type { CategoryId, CodeScheme, RetryWhen, WireFormat } from '../catalog/schema.ts';

export interface ClassifierCode {
	name: string;
	source: string;
	id: string;
	wireCode?: string;
	wireField?: string;
	wirePattern?: string;
	wireAlso: { field: string; code: string }[];
	status: number;
	category: CategoryId;
	retryable: boolean | null;
	retryNote?: string;
	retryWhen?: RetryWhen;
	/** A catch-all whose message may say more (schema `broad`). */
	broad?: true;
	title: string;
	summary: string;
	fixes: string[];
}

export interface ClassifierSource {
	id: string;
	wire: WireFormat[];
	codeScheme?: CodeScheme;
}

export interface ClassifierStatus {
	status: number;
	name: string;
	category?: CategoryId;
	retryable: boolean | null;
	retryWhen?: RetryWhen;
	retry: string;
	meaning: string;
}

export interface ClassifierCategory {
	id: CategoryId;
	title: string;
	meaning: string;
	handling: string;
	retryWhen: RetryWhen;
}

export interface ClassifierData {
	codes: ClassifierCode[];
	statuses: ClassifierStatus[];
	categories: ClassifierCategory[];
	/** The sources that declare a wire format, in catalog order, with what reading them needs. */
	sources: ClassifierSource[];
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
			...(code.wireField ? { wireField: code.wireField } : {}),
			...(code.wirePattern ? { wirePattern: code.wirePattern } : {}),
			wireAlso: code.wireAlso,
			status: code.status,
			category: code.category,
			retryable: code.retryable,
			...(code.retryNote ? { retryNote: code.retryNote } : {}),
			...(code.retryWhen ? { retryWhen: code.retryWhen } : {}),
			...(code.broad ? { broad: true as const } : {}),
			title: code.title,
			summary: code.summary,
			fixes: code.fixes,
		})),
		statuses: catalog.statuses.map((entry) => ({
			status: entry.status,
			name: entry.name,
			...(entry.category ? { category: entry.category } : {}),
			retryable: entry.retryable,
			...(entry.retryWhen ? { retryWhen: entry.retryWhen } : {}),
			retry: entry.retry,
			meaning: entry.meaning,
		})),
		categories: CATEGORIES.map(({ id, title, meaning, handling, retryWhen }) => ({
			id,
			title,
			meaning,
			handling,
			retryWhen,
		})),
		sources: catalog.sources
			.filter((source) => source.wire.length > 0)
			.map((source) => ({
				id: source.id,
				wire: source.wire,
				...(source.codeScheme ? { codeScheme: source.codeScheme } : {}),
			})),
		sourceNames: Object.fromEntries(catalog.sources.map((source) => [source.id, source.name])),
	};
}
