import type { APIRoute } from 'astro';
import { catalogJsonSchemaDocument } from '../catalog/export.ts';

export const GET: APIRoute = () =>
	new Response(JSON.stringify(catalogJsonSchemaDocument(), null, 2), {
		headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
	});
