import type { APIRoute } from 'astro';
import { llmsIndex } from '../catalog/llms-text.ts';
import { getCatalog } from '../site/catalog.ts';
import { absoluteUrls, llmsGuides } from '../site/llms.ts';

/** The llms.txt index: every page, one line each (https://llmstxt.org/). */
export const GET: APIRoute = async ({ site }) =>
	new Response(llmsIndex(await getCatalog(), await llmsGuides(), absoluteUrls(site)), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
