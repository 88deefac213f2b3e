import type { APIRoute } from 'astro';
import { buildExactTermIndex } from '../catalog/search-terms.ts';
import { getCatalog } from '../site/catalog.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(buildExactTermIndex(await getCatalog())), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
