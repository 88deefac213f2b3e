import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { openApiComponents } from '../../catalog/openapi.ts';
import { getCatalog } from '../../site/catalog.ts';
import { absoluteUrls } from '../../site/llms.ts';

/** The catalog's envelopes as OpenAPI 3.1 components (src/catalog/openapi.ts). */
export const GET: APIRoute = async ({ site }) =>
	new Response(stringify(openApiComponents(await getCatalog(), absoluteUrls(site)), { lineWidth: 0 }), {
		headers: { 'Content-Type': 'application/yaml; charset=utf-8' },
	});
