/**
 * Checks that need the whole catalog: uniqueness, references between
 * entries, and statuses in use. Schema checks of single entries live in
 * `read.ts`; both report the same `CatalogProblem` lines.
 */
import { basename, extname } from 'node:path';
import type { CatalogProblem } from './problems.ts';
import type { CatalogFiles } from './read.ts';

/**
 * The standard 4xx and 5xx statuses (RFC 9110, RFC 6585 and the registered
 * WebDAV/other RFC statuses that APIs send), each of which gets a page even
 * when no catalog code uses it.
 */
export const STANDARD_ERROR_STATUSES: readonly number[] = [
	400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425,
	426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];

/**
 * How aliases are compared: case and surrounding space do not make a new alias.
 * Aliases are unique across the whole catalog, so a searched spelling has one page.
 */
export function normalizeAlias(alias: string): string {
	return alias.trim().toLowerCase();
}

export function checkIntegrity(files: CatalogFiles): CatalogProblem[] {
	const problems: CatalogProblem[] = [];
	const sourceIds = new Map<string, string>();

	for (const source of files.sources) {
		const expected = basename(source.file, extname(source.file));
		if (source.id !== expected) {
			problems.push({
				file: source.file,
				entry: source.id,
				field: 'id',
				message: `must match the file name "${expected}"`,
			});
		}
		const other = sourceIds.get(source.id);
		if (other) {
			problems.push({
				file: source.file,
				entry: source.id,
				field: 'id',
				message: `duplicate source id, also in ${other}`,
			});
		}
		sourceIds.set(source.id, source.file);
	}

	const codeNames = new Map<string, string>();
	const unreadable = new Set(files.unreadableSources);
	for (const code of files.codes) {
		if (!sourceIds.has(code.source) && !unreadable.has(code.source)) {
			problems.push({
				file: code.file,
				entry: code.name,
				field: 'source',
				message: `"${code.source}" has no file in content/catalog/sources/`,
			});
		}
		const other = codeNames.get(code.name);
		if (other) {
			problems.push({
				file: code.file,
				entry: code.name,
				field: 'id',
				message: `duplicate id "${code.id}" in source ${code.source}, also in ${other}`,
			});
		}
		codeNames.set(code.name, code.file);
	}

	const aliasOwners = new Map<string, string>();
	for (const code of files.codes) {
		code.related.forEach((name, index) => {
			if (name === code.name) {
				problems.push({
					file: code.file,
					entry: code.name,
					field: `related.${index}`,
					message: 'an entry cannot be related to itself',
				});
			} else if (
				!codeNames.has(name) &&
				!files.invalidCodeNames.includes(name) &&
				!unreadable.has(name.split('/')[0] ?? '')
			) {
				problems.push({
					file: code.file,
					entry: code.name,
					field: `related.${index}`,
					message: `"${name}" is not a code in the catalog`,
				});
			}
		});
		code.aliases.forEach((alias, index) => {
			const key = normalizeAlias(alias);
			const owner = aliasOwners.get(key);
			if (owner && owner !== code.name) {
				problems.push({
					file: code.file,
					entry: code.name,
					field: `aliases.${index}`,
					message: `"${alias}" is already an alias of ${owner}`,
				});
			}
			aliasOwners.set(key, code.name);
		});
	}

	const statuses = new Set<number>();
	files.statuses.forEach((entry, index) => {
		if (statuses.has(entry.status)) {
			problems.push({
				file: files.statusFile,
				entry: `status ${entry.status}`,
				field: `statuses.${index}.status`,
				message: 'duplicate status',
			});
		}
		statuses.add(entry.status);
	});
	if (files.statusFile) {
		for (const status of STANDARD_ERROR_STATUSES) {
			if (!statuses.has(status)) {
				problems.push({
					file: files.statusFile,
					entry: `status ${status}`,
					field: 'status',
					message: 'standard status has no entry',
				});
			}
		}
		for (const code of files.codes) {
			if (!statuses.has(code.status)) {
				problems.push({
					file: code.file,
					entry: code.name,
					field: 'status',
					message: `${code.status} has no entry in ${files.statusFile}`,
				});
			}
			code.otherStatuses.forEach((status, index) => {
				if (!statuses.has(status)) {
					problems.push({
						file: code.file,
						entry: code.name,
						field: `otherStatuses.${index}`,
						message: `${status} has no entry in ${files.statusFile}`,
					});
				}
			});
			code.examples.forEach((example, index) => {
				// `status` is what arrives on the wire; a relayed app's status is a wire code (Integry's network_code).
				if (example.status !== code.status && !code.otherStatuses.includes(example.status)) {
					problems.push({
						file: code.file,
						entry: code.name,
						field: `examples.${index}.status`,
						message: `${example.status} is neither the entry's status (${code.status}) nor one of its otherStatuses: an entry's status is the one that arrives on the wire`,
					});
				}
				if (!statuses.has(example.status)) {
					problems.push({
						file: code.file,
						entry: code.name,
						field: `examples.${index}.status`,
						message: `${example.status} has no entry in ${files.statusFile}`,
					});
				}
			});
		}
	}
	return problems;
}
