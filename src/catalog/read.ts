/**
 * Reads the catalog's data files from disk and validates each entry.
 *
 * This is the only module that touches the file system for the catalog. It
 * never throws on bad data: every schema violation becomes a `CatalogProblem`
 * naming the file, the line, the entry and the field, and the valid entries
 * are still returned so that one bad entry does not hide the others' problems.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { CatalogProblem } from './problems.ts';
import {
	codeEntrySchema,
	codeFileSchema,
	sourceSchema,
	statusEntrySchema,
	statusFileSchema,
	type CatalogCode,
	type CatalogSource,
	type StatusEntry,
} from './schema.ts';

export interface CatalogFiles {
	sources: CatalogSource[];
	codes: CatalogCode[];
	statuses: StatusEntry[];
	/**
	 * Entries that exist but failed the schema: references to them are not
	 * reported again as dangling, so one bad entry gives one problem.
	 */
	invalidCodeNames: string[];
	/** Sources whose file could not be parsed at all: references into them are not checked. */
	unreadableSources: string[];
	/** Project-relative path of the statuses file. */
	statusFile: string;
}

export interface ReadResult {
	files: CatalogFiles;
	problems: CatalogProblem[];
}

const DATA_FILE = /\.(ya?ml|json)$/;

/** One parsed data file, able to point at the line of any path inside it. */
interface ParsedFile {
	file: string;
	data: unknown;
	lineOf(path: readonly PropertyKey[]): number | undefined;
}

async function parseFile(root: string, absolutePath: string): Promise<ParsedFile | CatalogProblem> {
	const file = relative(root, absolutePath);
	const text = await readFile(absolutePath, 'utf8');
	const lineCounter = new LineCounter();
	const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const [error] = doc.errors;
	if (error) {
		const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
		return {
			file,
			line,
			entry: '(file)',
			field: '(syntax)',
			message: error.message.split('\n')[0] ?? 'not valid YAML/JSON',
		};
	}
	return {
		file,
		data: doc.toJS(),
		lineOf(path) {
			// Walk up to the nearest existing node: a missing field points at its entry.
			for (let depth = path.length; depth >= 0; depth--) {
				const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
					{ range?: [number, number, number] } | undefined;
				if (node?.range) return lineCounter.linePos(node.range[0]).line;
			}
			return undefined;
		},
	};
}

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_value') {
		return `${JSON.stringify((issue as { input?: unknown }).input)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
	}
	if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return 'is required';
	if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
	return issue.message;
}

/** Validates `data` against `schema`, turning each zod issue into a located problem. */
function validate<T>(
	schema: z.ZodType<T>,
	data: unknown,
	parsed: ParsedFile,
	basePath: readonly PropertyKey[],
	entry: string
): { value?: T; problems: CatalogProblem[] } {
	// reportInput: the offending value goes into the message ("bogus" is not one of …).
	const result = schema.safeParse(data, { reportInput: true });
	if (result.success) return { value: result.data, problems: [] };
	const problems = result.error.issues.map((issue): CatalogProblem => {
		// For unknown keys zod reports the object; point at the first unknown key instead.
		const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
		const field =
			issue.code === 'unrecognized_keys' ? issue.path.join('.') || '(entry)' : issue.path.join('.') || '(entry)';
		return {
			file: parsed.file,
			line: parsed.lineOf([...basePath, ...path]),
			entry,
			field,
			message: describeIssue(issue),
		};
	});
	return { problems };
}

async function listDataFiles(dir: string): Promise<string[]> {
	try {
		const names = await readdir(dir);
		return names
			.filter((name) => DATA_FILE.test(name))
			.sort()
			.map((name) => join(dir, name));
	} catch {
		return [];
	}
}

/** An id to name an entry by in messages, even when the entry is broken. */
function entryName(data: unknown, fallback: string): string {
	if (data && typeof data === 'object' && 'id' in data && typeof data.id === 'string' && data.id) return data.id;
	return fallback;
}

/**
 * Reads `<catalogDir>/sources/*`, `<catalogDir>/codes/*` and `<catalogDir>/statuses.*`.
 * `root` is the project root that file paths in messages are relative to.
 */
export async function readCatalogFiles(root: string, catalogDir: string): Promise<ReadResult> {
	const problems: CatalogProblem[] = [];
	const files: CatalogFiles = {
		sources: [],
		codes: [],
		statuses: [],
		invalidCodeNames: [],
		unreadableSources: [],
		statusFile: '',
	};

	const parseAll = async (paths: string[]) => {
		const parsed: ParsedFile[] = [];
		for (const path of paths) {
			const result = await parseFile(root, path);
			if ('data' in result) parsed.push(result);
			else {
				problems.push(result);
				// By convention a file is named after its source (sources/<id>.yaml, codes/<id>.yaml).
				files.unreadableSources.push(basename(path, extname(path)));
			}
		}
		return parsed;
	};

	for (const parsed of await parseAll(await listDataFiles(join(catalogDir, 'sources')))) {
		const name = entryName(parsed.data, parsed.file);
		const { value, problems: found } = validate(sourceSchema, parsed.data, parsed, [], name);
		problems.push(...found);
		if (value) files.sources.push({ ...value, file: parsed.file });
	}

	for (const parsed of await parseAll(await listDataFiles(join(catalogDir, 'codes')))) {
		const header = validate(codeFileSchema, parsed.data, parsed, [], '(file)');
		problems.push(...header.problems);
		if (!header.value) continue;
		const { source, codes } = header.value;
		codes.forEach((raw, index) => {
			const name = `${source}/${entryName(raw, `#${index + 1}`)}`;
			const { value, problems: found } = validate(codeEntrySchema, raw, parsed, ['codes', index], name);
			problems.push(...found);
			if (value) files.codes.push({ ...value, source, name: `${source}/${value.id}`, file: parsed.file });
			else files.invalidCodeNames.push(name);
		});
	}

	const statusPaths = (await listDataFiles(catalogDir)).filter((path) => /statuses\.(ya?ml|json)$/.test(path));
	for (const parsed of await parseAll(statusPaths)) {
		files.statusFile = parsed.file;
		const header = validate(statusFileSchema, parsed.data, parsed, [], '(file)');
		problems.push(...header.problems);
		header.value?.statuses.forEach((raw, index) => {
			const status = raw && typeof raw === 'object' && 'status' in raw ? String(raw.status) : `#${index + 1}`;
			const { value, problems: found } = validate(
				statusEntrySchema,
				raw,
				parsed,
				['statuses', index],
				`status ${status}`
			);
			problems.push(...found);
			if (value) files.statuses.push(value);
		});
	}
	if (!files.statusFile) {
		problems.push({
			file: relative(root, catalogDir),
			entry: '(catalog)',
			field: 'statuses',
			message: 'statuses.yaml is missing',
		});
	}
	return { files, problems };
}
