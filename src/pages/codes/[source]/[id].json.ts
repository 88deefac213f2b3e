import type { APIRoute, GetStaticPaths } from 'astro';
import { toCodeJson } from '../../../catalog/export.ts';
import { getCatalog } from '../../../site/catalog.ts';

/** One code's entry as JSON, beside its page: /codes/<source>/<id>.json. */
export const getStaticPaths = (async () => {
	const catalog = await getCatalog();
	return catalog.codes.map((code) => ({
		params: { source: code.source, id: code.id },
		props: { json: JSON.stringify(toCodeJson(catalog, code), null, 2) },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(props.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
