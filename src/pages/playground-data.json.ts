import type { APIRoute } from 'astro';
import { playgroundData } from '../playground/examples.ts';
import { getCatalog } from '../site/catalog.ts';

/** The playground's classifier data and example menu, fetched by the island once the page has painted. */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify(playgroundData(await getCatalog())), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
