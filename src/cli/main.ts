/**
 * `error-atlas`: the classifier on the command line (SPEC §4).
 *
 *   error-atlas explain [FILE] [--json] [--source NAME]
 *   error-atlas classify [--jsonl] [FILE] [--source NAME]
 *
 * Exit 0 when it ran, 2 on bad usage or unreadable input, with one line on
 * standard error. `run` takes its streams as arguments so tests can drive it.
 */
import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { classify, type ClassifierData, type ClassifyOptions } from '../classifier/index.ts';
import { renderExplanation, styleFor } from './render.ts';

export interface Io {
	stdin: NodeJS.ReadableStream & { isTTY?: boolean };
	/** `once('drain')` lets a long stream wait for a slow reader instead of buffering its output. */
	stdout: { write(text: string): unknown; isTTY?: boolean; once?(event: 'drain', listener: () => void): unknown };
	stderr: { write(text: string): unknown };
	env: Record<string, string | undefined>;
}

export const USAGE = `Usage:
  error-atlas explain [FILE] [--json] [--source NAME]
      Reads an error response from FILE (or standard input) and explains it:
      what failed, whose side must act, whether and when to retry, what to do.
      --json prints the classification object instead.
  error-atlas classify --jsonl [--summary] [FILE] [--source NAME]
      Reads JSON Lines of {"status", "headers", "body"} from FILE (or standard
      input) and writes one classification per line, in the same order, as
      each line is read: memory stays flat however long the log. A line that
      cannot be read gets {"line": N, "error": "..."} and the run goes on.
      --summary then prints counts per system, category and code to standard
      error (standard output stays JSON Lines).
  error-atlas mcp
      Serves the classifier and the catalog to AI coding agents over the Model
      Context Protocol (stdio). See the README.
  error-atlas classify [FILE]   Classifies one response and prints it as JSON.

Input: a raw HTTP response (curl -i or curl -v output included), a body alone
(JSON, XML, HTML, text), a {"status","headers","body"} object, or a HAR file.
--source NAME  the platform that sent it (integration-labs, integry, synchive,
               botpress, datafold), when the body does not say.
Exit status: 0 when it ran, 2 on bad usage or unreadable input.
`;

class UsageError extends Error {}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

async function readInputText(file: string | undefined, io: Io): Promise<string> {
	if (file && file !== '-') {
		try {
			return await readFile(file, 'utf8');
		} catch (error) {
			const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
			throw new UsageError(`cannot read ${file}: ${reason}`);
		}
	}
	if (io.stdin.isTTY)
		throw new UsageError('no input: give a FILE, or pipe a response into standard input (see --help)');
	return readAll(io.stdin);
}

/** One line of a JSON Lines log, classified, or the reason it could not be. */
function classifyLine(line: string, number: number, data: ClassifierData, options: ClassifyOptions) {
	if (line.trim() === '') return { line: number, error: 'empty line' };
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch (error) {
		return { line: number, error: `not JSON: ${(error as Error).message}` };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return { line: number, error: 'expected an object {"status", "headers", "body"}' };
	return classify(value, data, options);
}

/** Counts for `--summary`. */
class Tally {
	readonly total = { lines: 0, errors: 0 };
	private readonly counts = {
		system: new Map<string, number>(),
		category: new Map<string, number>(),
		code: new Map<string, number>(),
	};
	add(result: ReturnType<typeof classifyLine>): void {
		this.total.lines++;
		if ('error' in result) {
			this.total.errors++;
			return;
		}
		const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
		bump(this.counts.system, result.source ?? result.format);
		bump(this.counts.category, result.category);
		bump(this.counts.code, result.code ?? '(no catalog code)');
	}
	toString(): string {
		const section = (title: string, map: Map<string, number>) =>
			[
				`${title}:`,
				...[...map]
					.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
					.map(([key, count]) => `  ${String(count).padStart(7)}  ${key}`),
			].join('\n');
		return [
			`${this.total.lines} lines, ${this.total.lines - this.total.errors} classified, ${this.total.errors} not readable`,
			section('By system', this.counts.system),
			section('By category', this.counts.category),
			section('By code', this.counts.code),
		].join('\n\n');
	}
}

/**
 * Streams a JSON Lines log: each line is read, classified and written before
 * the next is read, and a slow reader of the output holds the input back, so
 * memory does not grow with the log.
 */
async function classifyStream(
	input: NodeJS.ReadableStream,
	io: Io,
	data: ClassifierData,
	options: ClassifyOptions,
	tally: Tally | undefined
): Promise<void> {
	let number = 0;
	for await (const line of createInterface({ input, crlfDelay: Infinity })) {
		number++;
		const result = classifyLine(line, number, data, options);
		tally?.add(result);
		if (io.stdout.write(`${JSON.stringify(result)}\n`) === false && io.stdout.once) {
			const once = io.stdout.once.bind(io.stdout);
			await new Promise<void>((resolve) => once('drain', resolve));
		}
	}
}

async function jsonlInput(file: string | undefined, io: Io): Promise<NodeJS.ReadableStream> {
	if (file && file !== '-') {
		try {
			await access(file);
		} catch (error) {
			const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
			throw new UsageError(`cannot read ${file}: ${reason}`);
		}
		return createReadStream(file);
	}
	if (io.stdin.isTTY)
		throw new UsageError('no input: give a FILE, or pipe JSON Lines into standard input (see --help)');
	return io.stdin;
}

/** Runs the CLI; resolves to the exit status. `loadData` is called only when there is work. */
export async function run(
	argv: readonly string[],
	io: Io,
	loadData: () => Promise<ClassifierData>,
	siteUrl: string
): Promise<number> {
	try {
		const { values, positionals } = (() => {
			try {
				return parseArgs({
					args: [...argv],
					allowPositionals: true,
					options: {
						json: { type: 'boolean' },
						jsonl: { type: 'boolean' },
						summary: { type: 'boolean' },
						source: { type: 'string' },
						help: { type: 'boolean', short: 'h' },
					},
				});
			} catch (error) {
				throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
			}
		})();
		const [command, file, ...extra] = positionals;
		if (values.help || command === 'help') {
			io.stdout.write(USAGE);
			return 0;
		}
		if (command !== 'explain' && command !== 'classify') {
			throw new UsageError(
				command
					? `unknown command "${command}" (use explain or classify; see --help)`
					: 'missing command: explain or classify (see --help)'
			);
		}
		if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
		if (command === 'explain' && values.jsonl) throw new UsageError('--jsonl goes with classify, not explain');
		if (values.summary && !values.jsonl) throw new UsageError('--summary goes with classify --jsonl');
		const data = await loadData();
		if (values.source && !data.codes.some((code) => code.source === values.source)) {
			throw new UsageError(`unknown --source "${values.source}"`);
		}
		const options: ClassifyOptions = values.source ? { source: values.source } : {};
		if (command === 'classify' && values.jsonl) {
			const tally = values.summary ? new Tally() : undefined;
			await classifyStream(await jsonlInput(file, io), io, data, options, tally);
			if (tally) io.stderr.write(`${tally.toString()}\n`);
			return 0;
		}
		const text = await readInputText(file, io);
		const result = classify(text, data, options);
		if (command === 'classify' || values.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
		else io.stdout.write(renderExplanation(result, styleFor(io.stdout.isTTY, io.env), siteUrl));
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr.write(`error-atlas: ${error.message}\n`);
			return 2;
		}
		io.stderr.write(`error-atlas: ${(error as Error).message?.split('\n')[0] ?? 'unexpected failure'}\n`);
		return 2;
	}
}
