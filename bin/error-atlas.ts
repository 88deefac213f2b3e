#!/usr/bin/env node
/**
 * The `error-atlas` command. Loads the catalog shipped with the project,
 * then hands over to src/cli/main.ts, or with `mcp` serves it over MCP
 * (src/mcp/server.ts) on standard input and output.
 */
import { fileURLToPath } from 'node:url';
import { loadCatalogOrThrow } from '../src/catalog/load.ts';
import { toClassifierData } from '../src/classifier/index.ts';
import { run } from '../src/cli/main.ts';
import { startMcpServer } from '../src/mcp/server.ts';
import { publicSiteUrl } from '../src/site/public-url.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// The links point where the site is published (ERROR_ATLAS_SITE, or SITE_URL and BASE_PATH).
const siteUrl = publicSiteUrl(process.env);
const catalogDir = fileURLToPath(new URL('../content/catalog', import.meta.url));

if (process.argv[2] === 'mcp') {
	// Standard output is the protocol: any message for a person goes to standard error.
	const extra = process.argv[3];
	if (extra !== undefined) {
		process.stderr.write(`error-atlas: unexpected argument "${extra}" (usage: error-atlas mcp)\n`);
		process.exit(2);
	}
	try {
		await startMcpServer(await loadCatalogOrThrow(root, catalogDir), { siteUrl });
	} catch (error) {
		process.stderr.write(`error-atlas: ${(error as Error).message?.split('\n')[0] ?? 'cannot start'}\n`);
		process.exit(2);
	}
} else {
	process.exitCode = await run(
		process.argv.slice(2),
		{ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env },
		async () => toClassifierData(await loadCatalogOrThrow(root, catalogDir)),
		siteUrl
	);
}
