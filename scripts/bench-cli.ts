/**
 * `npm run bench:cli [-- --mb 1024]`: the CLI on a big log. Writes a JSON
 * Lines log of about that many megabytes (the catalog's examples as
 * `{status, headers, body}`, over and over, with a bad line now and then)
 * into .cache/, runs `error-atlas classify --jsonl --summary` on it under
 * GNU time, and prints the wall time, the peak memory and the lines a second.
 * Memory must stay flat: it does not depend on the size of the log.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { loadCatalogOrThrow } from '../src/catalog/load.ts';

const at = process.argv.indexOf('--mb');
const megabytes = at > 0 ? Number(process.argv[at + 1]) : 1024;
const dir = join(process.cwd(), '.cache', 'bench-cli');
const log = join(dir, 'log.jsonl');
await mkdir(dir, { recursive: true });

const catalog = await loadCatalogOrThrow(process.cwd());
const lines = catalog.codes.flatMap((code) =>
	code.examples.map((example) =>
		JSON.stringify({
			status: example.status,
			headers: example.headers,
			body: typeof example.body === 'string' ? example.body : JSON.stringify(example.body),
		})
	)
);
const out = createWriteStream(log);
let bytes = 0;
let written = 0;
while (bytes < megabytes * 2 ** 20) {
	const line = written % 997 === 996 ? '{"status": 500, "body": not json' : (lines[written % lines.length] as string);
	if (!out.write(`${line}\n`)) await once(out, 'drain');
	bytes += line.length + 1;
	written++;
}
out.end();
await once(out, 'finish');
console.log(`Log: ${written.toLocaleString('en')} lines, ${((await stat(log)).size / 2 ** 20).toFixed(0)} MB`);

const run = spawnSync(
	'/usr/bin/time',
	[
		'-f',
		'wall_s=%e max_rss_kb=%M',
		process.execPath,
		join('bin', 'error-atlas.ts'),
		'classify',
		'--jsonl',
		'--summary',
		log,
	],
	{ encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 }
);
const measured = /wall_s=([\d.]+) max_rss_kb=(\d+)/.exec(run.stderr ?? '');
if (run.status !== 0 || !measured) {
	console.error(run.stderr);
	process.exit(1);
}
const seconds = Number(measured[1]);
console.log((run.stderr ?? '').split('\n').slice(0, 1).join('\n'));
console.log(
	`classify --jsonl --summary: ${seconds} s, ${(Number(measured[2]) / 1024).toFixed(0)} MB peak resident, ${Math.round(written / seconds).toLocaleString('en')} lines/s`
);
await rm(dir, { recursive: true, force: true });
