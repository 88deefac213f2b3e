#!/usr/bin/env node
/**
 * The `error-atlas` command. Loads the catalog shipped with the project,
 * then hands over to src/cli/main.ts.
 */
import { fileURLToPath } from 'node:url';
import { loadCatalogOrThrow } from '../src/catalog/load.ts';
import { toClassifierData } from '../src/classifier/index.ts';
import { run } from '../src/cli/main.ts';
import { publicSiteUrl } from '../src/site/public-url.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// The links point where the site is published (ERROR_ATLAS_SITE, or SITE_URL and BASE_PATH).
const siteUrl = publicSiteUrl(process.env);

process.exitCode = await run(
	process.argv.slice(2),
	{ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env },
	async () =>
		toClassifierData(await loadCatalogOrThrow(root, fileURLToPath(new URL('../content/catalog', import.meta.url)))),
	siteUrl
);
