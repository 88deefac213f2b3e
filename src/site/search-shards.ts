/**
 * The sharded exact-match index of this build: computed once from the
 * catalog, written as /search-terms.json (the manifest) and one file per
 * shard under /search-terms/.
 */
import { shardExactIndex, type ExactIndexShards } from '../catalog/search-shards.ts';
import { buildExactTermIndex } from '../catalog/search-terms.ts';
import { getCatalog } from './catalog.ts';

let cached: Promise<ExactIndexShards> | undefined;

export function getSearchShards(): Promise<ExactIndexShards> {
	if (import.meta.env.DEV) return getCatalog().then((catalog) => shardExactIndex(buildExactTermIndex(catalog)));
	cached ??= getCatalog().then((catalog) => shardExactIndex(buildExactTermIndex(catalog)));
	return cached;
}
