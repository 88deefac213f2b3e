import type { APIRoute, GetStaticPaths } from 'astro';
import { shardFileName } from '../../catalog/search-shards.ts';
import { getSearchShards } from '../../site/search-shards.ts';

/** One shard of the exact-match index: the terms that start with its prefix. */
export const getStaticPaths = (async () => {
	const { shards } = await getSearchShards();
	return [...shards].map(([prefix, terms]) => ({ params: { shard: shardFileName(prefix) }, props: { terms } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props.terms), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
