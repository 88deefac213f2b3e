/**
 * A problem found in the catalog, and the one way it is printed.
 *
 * Every check (schema, integrity) reports through this shape so that the
 * build, `npm run check` and the tests all show the same line:
 * `content/catalog/codes/botpress.yaml:12: botpress/invalid-payload: category: "nope" is not a category`.
 */
export interface CatalogProblem {
	/** Path of the data file, relative to the project root. */
	file: string;
	/** 1-based line of the offending value, when known. */
	line?: number | undefined;
	/** The entry: a qualified code name, a source id, a status, or `(file)`. */
	entry: string;
	/** Dotted path of the field inside the entry, or `(entry)`. */
	field: string;
	message: string;
}

export function formatProblem(problem: CatalogProblem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	return `${where}: ${problem.entry}: ${problem.field}: ${problem.message}`;
}

/** Thrown by the content loader so the build stops with every problem listed. */
export class CatalogError extends Error {
	readonly problems: readonly CatalogProblem[];
	constructor(problems: readonly CatalogProblem[]) {
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(`The error catalog has ${count}:\n${problems.map(formatProblem).join('\n')}`);
		this.name = 'CatalogError';
		this.problems = problems;
	}
}
