/**
 * `error-atlas`: the classifier on the command line (SPEC §4).
 *
 *   error-atlas explain [FILE] [--json] [--source NAME]
 *   error-atlas classify [--jsonl] [FILE] [--source NAME]
 *
 * Exit 0 when it ran, 2 on bad usage or unreadable input, with one line on
 * standard error. `run` takes its streams as arguments so tests can drive it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { classify, type ClassifierData, type ClassifyOptions } from '../classifier/index.ts';
import { renderExplanation, styleFor } from './render.ts';

export interface Io {
	stdin: NodeJS.ReadableStream & { isTTY?: boolean };
	stdout: { write(text: string): unknown; isTTY?: boolean };
	stderr: { write(text: string): unknown };
	env: Record<string, string | undefined>;
}

export const USAGE = `Usage:
  error-atlas explain [FILE] [--json] [--source NAME]
      Reads an error response from FILE (or standard input) and explains it:
      what failed, whose side must act, whether and when to retry, what to do.
      --json prints the classification object instead.
  error-atlas classify --jsonl [FILE] [--source NAME]
      Reads JSON Lines of {"status", "headers", "body"} from FILE (or standard
      input) and writes one classification per line, in the same order. A line
      that cannot be read gets {"line": N, "error": "..."} and the run goes on.
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

function classifyLines(text: string, data: ClassifierData, options: ClassifyOptions): string {
	const out: string[] = [];
	const lines = text.split(/\r?\n/);
	// A trailing newline ends the last line; it does not start an empty one.
	if (lines.at(-1) === '') lines.pop();
	lines.forEach((line, index) => {
		if (line.trim() === '') {
			out.push(JSON.stringify({ line: index + 1, error: 'empty line' }));
			return;
		}
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (error) {
			out.push(JSON.stringify({ line: index + 1, error: `not JSON: ${(error as Error).message}` }));
			return;
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			out.push(JSON.stringify({ line: index + 1, error: 'expected an object {"status", "headers", "body"}' }));
			return;
		}
		out.push(JSON.stringify(classify(value, data, options)));
	});
	return out.length > 0 ? `${out.join('\n')}\n` : '';
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
		const data = await loadData();
		if (values.source && !data.codes.some((code) => code.source === values.source)) {
			throw new UsageError(`unknown --source "${values.source}"`);
		}
		const options: ClassifyOptions = values.source ? { source: values.source } : {};
		const text = await readInputText(file, io);
		if (command === 'classify' && values.jsonl) {
			io.stdout.write(classifyLines(text, data, options));
			return 0;
		}
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
