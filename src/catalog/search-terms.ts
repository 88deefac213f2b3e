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
	const wire = code.wireCode ? [code.wireCode, ...spellings(code.wireCode)] : [];
	// A term that is a bare status (Integry's network_code 409, FreshBooks' errno 409) stays a status search.
	return unique([displayCode(code), code.id, ...wire, code.name, ...code.aliases]).filter(
		(term) => !namesAStatus(term)
	);
}

/**
 * The ways people retype a wire code: `card_declined` as "card declined",
 * `NoSuchKey` as "No Such Key", `RETRY_LATER` as "retry later". Only for
 * codes that are one token; a code with spaces is already a phrase.
 */
export function spellings(wireCode: string): string[] {
	if (/\s/.test(wireCode) || wireCode.length > 80) return [];
	const words = wireCode
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[_\-.\s]+/)
		.filter(Boolean);
	return words.length > 1 ? [words.join(' ')] : [];
}

export function statusTerms(entry: StatusEntry): string[] {
	return unique([
		String(entry.status),
		entry.name,
		`${entry.status} ${entry.name}`,
		`HTTP ${entry.status}`,
		...entry.aliases,
	]);
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

	// Statuses first: a status name that is also a code (Rails' "Unprocessable Content") is a status search first.
	for (const entry of catalog.statuses) {
		const title = `${entry.status} ${entry.name}`;
		add(statusTerms(entry), {
			url: statusUrl(entry.status),
			label: title,
		});
	}
	for (const code of catalog.codes) {
		const source = catalog.source(code.source)?.name ?? code.source;
		add(codeTerms(code), {
			url: codeUrl(code.name),
			label: `${displayCode(code)}: ${code.title} (${source})`,
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

/** The source a page belongs to, read from its URL (`/codes/<source>/…`, `/sources/<source>/`). */
function sourceOfUrl(url: string): string | undefined {
	return /^\/(?:codes|sources)\/([a-z0-9-]+)\//.exec(url)?.[1];
}

/** Beyond this many words a query is prose, not a system and a code: only the whole of it is looked up. */
const MAX_SPLIT_WORDS = 6;

/**
 * Every term `exactMatches` may read for a query: the whole of it, and both
 * halves of each way of splitting it into a system and a code. The sharded
 * index fetches the shards of these terms and nothing else.
 */
export function lookupTerms(query: string): string[] {
	const term = normalizeTerm(query);
	const words = term.split(' ');
	const terms = new Set([term]);
	if (words.length <= MAX_SPLIT_WORDS)
		for (let split = 1; split < words.length; split++) {
			terms.add(words.slice(0, split).join(' '));
			terms.add(words.slice(split).join(' '));
		}
	return [...terms].filter(Boolean);
}

/**
 * The pages a query names exactly. A query may also name the system before
 * or after the code (`stripe card_declined`, `NoSuchKey aws`): then the code's
 * pages are listed with that system's first. Where systems share a code,
 * every page is listed.
 */
export function exactMatches(query: string, index: ExactTermIndex): ExactTarget[] {
	const term = normalizeTerm(query);
	// The code spelled exactly as typed comes first (`card_declined` is Stripe's, `CARD_DECLINED` Square's).
	const typed = `${query.trim()}: `;
	const direct = [...(index[term] ?? [])].sort(
		(a, b) => Number(b.label.startsWith(typed)) - Number(a.label.startsWith(typed))
	);
	const words = term.split(' ');
	if (words.length > MAX_SPLIT_WORDS) return direct;
	for (let split = 1; split < words.length; split++) {
		for (const [system, code] of [
			[words.slice(0, split).join(' '), words.slice(split).join(' ')],
			[words.slice(words.length - split).join(' '), words.slice(0, words.length - split).join(' ')],
		] as const) {
			const sources = new Set(
				(index[system] ?? [])
					.filter((target) => target.url.startsWith('/sources/'))
					.map((target) => sourceOfUrl(target.url))
			);
			const targets = index[code];
			if (sources.size === 0 || !targets) continue;
			const own = targets.filter((target) => sources.has(sourceOfUrl(target.url)));
			if (own.length === 0) continue;
			// An alias that spells out the system ("Shopify THROTTLED") keeps its place; the other systems follow.
			const ordered = [...direct, ...own, ...targets];
			return ordered.filter((target, position) => ordered.findIndex((other) => other.url === target.url) === position);
		}
	}
	return direct;
}
