/**
 * Where a catalog entry comes from and when it last changed, for the
 * "Edit this entry" line of its page.
 *
 * The date is the newest commit among the entry's own lines (`git blame` of
 * its data file, read once per file per build), so an edit to one code does
 * not date every code of its source. Without git history (a tarball, a
 * shallow clone) it falls back to nothing rather than a wrong date.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Provenance {
	/** The data file, relative to the project root. */
	file: string;
	/** The entry's first line in it. */
	line: number;
	/** Where to edit it online, when the repository is known. */
	editUrl?: string;
	/** The last change to the entry's lines, `YYYY-MM-DD`. */
	changed?: string;
}

/**
 * The repository's web address: `REPOSITORY_URL`, or GitHub Actions' own
 * variables, so a deployed build links to its source without configuration.
 */
function repositoryUrl(): string | undefined {
	const explicit = process.env.REPOSITORY_URL;
	if (explicit) return explicit.replace(/\/+$/, '');
	const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = process.env;
	return server && repository ? `${server}/${repository}` : undefined;
}

const BRANCH = process.env.REPOSITORY_BRANCH ?? 'main';

/** Per line of a file, the commit time (seconds) that last changed it; empty without git. */
const blames = new Map<string, number[]>();
function lineTimes(root: string, file: string): number[] {
	let times = blames.get(file);
	if (times) return times;
	times = [];
	try {
		const porcelain = execFileSync('git', ['blame', '--line-porcelain', '--', file], {
			cwd: root,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		let time = 0;
		for (const line of porcelain.split('\n')) {
			if (line.startsWith('committer-time ')) time = Number(line.slice(15));
			else if (line.startsWith('\t')) times.push(time);
		}
	} catch {
		// Not a git checkout: no dates.
	}
	blames.set(file, times);
	return times;
}

interface EntryLines {
	count: number;
	/** Each entry's first line (0-based), by id, in file order. */
	starts: Map<string, number>;
}

const files = new Map<string, EntryLines>();
function entriesOf(root: string, file: string): EntryLines {
	let found = files.get(file);
	if (!found) {
		const lines = readFileSync(resolve(root, file), 'utf8').split('\n');
		const starts = new Map<string, number>();
		lines.forEach((line, index) => {
			const id = /^\s*- id: ['"]?([a-z0-9-]+)['"]?\s*$/.exec(line)?.[1];
			if (id && !starts.has(id)) starts.set(id, index);
		});
		found = { count: lines.length, starts };
		files.set(file, found);
	}
	return found;
}

/** An entry of a code file: from its `- id:` line to the next entry's. */
export function codeProvenance(root: string, file: string, id: string): Provenance {
	const { count, starts } = entriesOf(root, file);
	const first = starts.get(id) ?? 0;
	const end = Math.min(count, ...[...starts.values()].filter((start) => start > first));
	const times = lineTimes(root, file).slice(first, end);
	const newest = times.length > 0 ? Math.max(...times) : 0;
	const repository = repositoryUrl();
	return {
		file,
		line: first + 1,
		...(repository ? { editUrl: `${repository}/edit/${BRANCH}/${file}#L${first + 1}` } : {}),
		...(newest > 0 ? { changed: new Date(newest * 1000).toISOString().slice(0, 10) } : {}),
	};
}
