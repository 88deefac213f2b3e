/**
 * The built site over HTTP on 127.0.0.1, for the measuring scripts
 * (`bench:build`, `lighthouse`): files as they are, text compressed with
 * gzip when the browser asks, the way a static host serves them.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { normalizeBase } from '../src/site/rebase.ts';

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

export interface ServeOptions {
	/** A sub-path the site is served under (`/error-atlas/`), as a GitHub project page serves it. */
	base?: string;
	port?: number;
}

export async function serve(dir: string, options: ServeOptions = {}): Promise<{ server: Server; origin: string }> {
	const base = normalizeBase(options.base ?? '/');
	const server = createServer((request, response) => {
		const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		// Outside the base path there is nothing, as on a host that serves the site under it.
		const inside = requested.startsWith(base) ? `/${requested.slice(base.length)}` : undefined;
		const path = normalize(inside ?? '/\u0000');
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
	await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { server, origin: `http://127.0.0.1:${port}` };
}

// `node scripts/static-server.ts DIR [--base /error-atlas/] [--port 4330]`: serve until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
	const base = option('--base');
	const { origin } = await serve(args[0] ?? 'dist', {
		...(base ? { base } : {}),
		port: Number(option('--port') ?? 4330),
	});
	console.log(`Serving ${args[0] ?? 'dist'} at ${origin}${option('--base') ?? '/'}`);
}
