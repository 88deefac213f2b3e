/**
 * `npm run build`: the site, then its search index, as two processes one
 * after the other so their memory never adds up (scripts/index-search.ts).
 *
 * Astro runs with its heap capped at 1 GB. V8 otherwise lets garbage pile
 * up to the machine's limit: at 5,000 codes the build peaked at 1.58 GB
 * resident, and at 1.32 GB with the cap, for 4 s more (the live heap there
 * is under 640 MB, so the cap leaves room for a catalog twice that size).
 *
 * Usage: node scripts/build-site.ts [--outDir DIR]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.cwd();
const args = process.argv.slice(2);
const outDir = args.includes('--outDir') ? args[args.indexOf('--outDir') + 1] : undefined;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(command: readonly string[]): void {
	const result = spawnSync(process.execPath, command, { env, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['--max-old-space-size=1024', join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...args]);
run([join(root, 'scripts', 'index-search.ts'), ...(outDir ? [outDir] : [])]);
