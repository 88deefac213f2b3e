/**
 * The exact-match index, split so that a search downloads only the part it
 * reads. Like Pagefind's own index, it is sharded by the first characters of
 * each term: a shard that would be too big is split by one more character,
 * so every shard stays small however large the catalog grows. A small
 * manifest lists the shards' prefixes; a term lives in the shard of the
 * longest listed prefix it starts with.
 */
import type { ExactTermIndex } from './search-terms.ts';

/** The most JSON a shard holds before it is split by one more character. */
export const SHARD_BUDGET = 12 * 1024;

/** Prefixes stop growing here: terms that share this much are few, whatever the catalog. */
const MAX_PREFIX = 12;

/** What the browser fetches first: every shard's prefix. */
export interface ShardManifest {
	prefixes: string[];
}

export interface ExactIndexShards {
	manifest: ShardManifest;
	/** prefix → the terms it holds. */
	shards: Map<string, ExactTermIndex>;
}

/** Splits an exact-term index (normalized terms) into shards of at most `budget` characters of JSON, where possible. */
export function shardExactIndex(index: ExactTermIndex, budget = SHARD_BUDGET): ExactIndexShards {
	const shards = new Map<string, ExactTermIndex>();
	const sizeOf = (terms: readonly string[]) =>
		terms.reduce((total, term) => total + term.length + JSON.stringify(index[term]).length + 4, 2);
	const place = (prefix: string, terms: readonly string[]) => {
		if (terms.length === 0) return;
		if (sizeOf(terms) <= budget || prefix.length >= MAX_PREFIX) {
			shards.set(prefix, Object.fromEntries(terms.map((term) => [term, index[term] ?? []])));
			return;
		}
		// A term no longer than the prefix stays in the prefix's own shard; the rest go one character deeper.
		const own = terms.filter((term) => term.length <= prefix.length);
		if (own.length > 0) shards.set(prefix, Object.fromEntries(own.map((term) => [term, index[term] ?? []])));
		const deeper = new Map<string, string[]>();
		for (const term of terms) {
			if (term.length <= prefix.length) continue;
			const key = term.slice(0, prefix.length + 1);
			const group = deeper.get(key) ?? [];
			group.push(term);
			deeper.set(key, group);
		}
		for (const [key, group] of deeper) place(key, group);
	};
	place('', Object.keys(index).sort());
	return { manifest: { prefixes: [...shards.keys()].sort() }, shards };
}

/** The shard a normalized term would be in: the longest listed prefix it starts with. */
export function shardOf(term: string, prefixes: ReadonlySet<string>): string | undefined {
	for (let length = Math.min(term.length, MAX_PREFIX); length >= 0; length--) {
		const prefix = term.slice(0, length);
		if (prefixes.has(prefix)) return prefix;
	}
	return undefined;
}

/**
 * A shard's file name: letters, digits and `-` as they are, any other
 * character as `_` and six hex digits, so every prefix has its own name
 * that any static host serves as is. The root shard is `_`.
 */
export function shardFileName(prefix: string): string {
	if (prefix === '') return '_';
	return [...prefix]
		.map((char) => (/^[a-z0-9-]$/.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16).padStart(6, '0')}`))
		.join('');
}
