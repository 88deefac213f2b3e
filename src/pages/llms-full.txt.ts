import type { APIRoute } from 'astro';
import { llmsFull } from '../catalog/llms-text.ts';
import { getCatalog } from '../site/catalog.ts';
import { absoluteUrls, llmsGuides } from '../site/llms.ts';

/** Every guide and every code page as one Markdown text. */
export const GET: APIRoute = async ({ site }) =>
	new Response(llmsFull(await getCatalog(), await llmsGuides(), absoluteUrls(site)), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
