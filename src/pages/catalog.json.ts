import type { APIRoute } from 'astro';
import { toCatalogJson } from '../catalog/export.ts';
import { getCatalog } from '../site/catalog.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(toCatalogJson(await getCatalog()), null, 2), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
