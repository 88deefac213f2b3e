import type { APIRoute } from 'astro';
import { getSearchShards } from '../site/search-shards.ts';

/** The manifest of the exact-match index: the prefix of every shard (see src/catalog/search-shards.ts). */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify((await getSearchShards()).manifest), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
