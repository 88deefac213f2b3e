/**
 * The exact-match index behind search's "jump to" results.
 *
 * Pagefind ranks by stems and prefixes, so `integrity` also matches
 * `integration` and `Integry`, and `409` matches every page that mentions a
 * 409. People searching a code want its page, so every id, qualified name,
 * wire code, alias, status and scheme example maps to its page here, and the
 * search box shows those pages first when the query is exactly one of them.
 */
import type { Catalog } from './catalog.ts';
import { CATEGORIES } from './categories.ts';
import { displayCode, namesAStatus } from './display.ts';
import type { CatalogCode, CatalogSource, StatusEntry } from './schema.ts';
import { categoryUrl, codeUrl, sourceUrl, statusUrl } from './urls.ts';

/**
 * Every spelling a page is found by. The same lists are printed on the pages
 * (weighted for Pagefind) and fed to the exact-match index, so the two agree.
 */
export function codeTerms(code: CatalogCode): string[] {
	return unique([
		displayCode(code),
		code.id,
		...(code.wireCode && !namesAStatus(code.wireCode) ? [code.wireCode] : []),
		code.name,
		...code.aliases,
	]);
}

export function statusTerms(entry: StatusEntry): string[] {
	return unique([String(entry.status), `${entry.status} ${entry.name}`, `HTTP ${entry.status}`, ...entry.aliases]);
}

export function sourceTerms(source: CatalogSource): string[] {
	return unique([source.id, ...source.aliases]);
}

function unique(terms: readonly string[]): string[] {
	return [...new Set(terms)];
}

export interface ExactTarget {
	url: string;
	/** What the link says: the code and its title. */
	label: string;
}

/** term (normalized) → pages it names exactly. */
export type ExactTermIndex = Record<string, ExactTarget[]>;

/** Case, surrounding space and inner runs of space do not matter for an exact match. */
export function normalizeTerm(term: string): string {
	return term.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function buildExactTermIndex(catalog: Catalog): ExactTermIndex {
	const index: ExactTermIndex = {};
	const add = (terms: readonly string[], target: ExactTarget) => {
		for (const term of new Set(terms.map(normalizeTerm))) {
			if (!term) continue;
			const targets = (index[term] ??= []);
			if (!targets.some((existing) => existing.url === target.url)) targets.push(target);
		}
	};

	for (const code of catalog.codes) {
		const source = catalog.source(code.source)?.name ?? code.source;
		add(codeTerms(code), {
			url: codeUrl(code.name),
			label: `${displayCode(code)}: ${code.title} (${source})`,
		});
	}
	for (const entry of catalog.statuses) {
		const title = `${entry.status} ${entry.name}`;
		add(statusTerms(entry), {
			url: statusUrl(entry.status),
			label: title,
		});
	}
	for (const source of catalog.sources) {
		add([source.name, ...sourceTerms(source)], { url: sourceUrl(source.id), label: source.name });
		for (const example of source.codeScheme?.examples ?? []) {
			add([example.code], {
				url: `${sourceUrl(source.id)}#code-scheme`,
				label: `${example.code}: ${source.codeScheme?.name ?? 'code'} of ${source.name}`,
			});
		}
	}
	for (const category of CATEGORIES) {
		add([category.id], { url: categoryUrl(category.id), label: `${category.title} (category)` });
	}
	return index;
}
