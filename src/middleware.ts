/**
 * Astro middleware, run for every page as it is built: puts root-absolute
 * links under the configured base path (src/site/rebase.ts). With the
 * default base `/` it does nothing.
 */
import { defineMiddleware } from 'astro:middleware';
import { normalizeBase, rebaseHtml } from './site/rebase.ts';

const base = normalizeBase(import.meta.env.BASE_URL);

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (base === '/' || !response.headers.get('content-type')?.includes('text/html')) return response;
	const html = rebaseHtml(await response.text(), base);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
