/**
 * The built site over HTTP on 127.0.0.1, for the measuring scripts
 * (`bench:build`, `lighthouse`): files as they are, text compressed with
 * gzip when the browser asks, the way a static host serves them.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
};
/** Pagefind's own files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

export async function serve(dir: string): Promise<{ server: Server; origin: string }> {
	const server = createServer((request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
		const type = extname(file);
		readFile(file)
			.then((body) => {
				const gzip = COMPRESSIBLE.has(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
				response.writeHead(200, {
					'content-type': TYPES[type] ?? 'application/octet-stream',
					'cache-control': 'public, max-age=600',
					...(gzip ? { 'content-encoding': 'gzip' } : {}),
				});
				response.end(gzip ? gzipSync(body) : body);
			})
			.catch(() =>
				readFile(join(dir, '404.html'))
					.then((body) => {
						response.writeHead(404, { 'content-type': TYPES['.html'] as string });
						response.end(body);
					})
					.catch(() => {
						response.writeHead(404);
						response.end();
					})
			);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { server, origin: `http://127.0.0.1:${port}` };
}
