/**
 * Checks that a source's wire declaration and its code entries fit
 * together: every field an entry declares its code under is read by the
 * source's wire format, no two entries claim the same wire value, and the
 * ids and sources a declaration names exist. A mistake here would make
 * codes silently unreachable from the classifier, so it fails the build.
 */
import type { CatalogProblem } from './problems.ts';
import type { CatalogFiles } from './read.ts';
import type { WireFormat } from './schema.ts';

/** The entry ids a wire format names, by the field that names them. */
export function entriesNamedBy(format: WireFormat): (readonly [field: string, ids: readonly string[]])[] {
	return [
		['entry', format.entry ? [format.entry] : []],
		['unlisted', format.unlisted ? [format.unlisted] : []],
		['retryable.entries', format.retryable?.entries ?? []],
		...format.retryAfter.map((item, itemIndex) => [`retryAfter.${itemIndex}.entries`, item.entries ?? []] as const),
	];
}

/** Formats that are not sources: the generic shapes the classifier knows by itself. */
const GENERIC_FORMATS = new Set(['json', 'html', 'text']);

export function checkWire(files: Pick<CatalogFiles, 'sources' | 'codes'>): CatalogProblem[] {
	const problems: CatalogProblem[] = [];
	const sourceIds = new Set(files.sources.map((source) => source.id));
	const codesBySource = new Map<string, CatalogFiles['codes']>();
	for (const code of files.codes) codesBySource.set(code.source, [...(codesBySource.get(code.source) ?? []), code]);

	for (const source of files.sources) {
		const codes = codesBySource.get(source.id) ?? [];
		const ids = new Set(codes.map((code) => code.id));
		const read = new Set(source.wire.flatMap((format) => format.codes.map((item) => item.field ?? item.at)));
		source.wire.forEach((format, index) => {
			const at = (field: string, message: string) =>
				problems.push({ file: source.file, entry: source.id, field: `wire.${index}.${field}`, message });
			for (const [field, value] of [
				['format', format.format],
				['refines', format.refines],
			] as const) {
				if (value !== undefined && !sourceIds.has(value) && !(field === 'format' && GENERIC_FORMATS.has(value)))
					at(field, `"${value}" is not a source in the catalog`);
			}
			for (const [field, list] of entriesNamedBy(format))
				for (const id of list) if (!ids.has(id)) at(field, `"${id}" is not an entry of ${source.id}`);
		});

		const claimed = new Map<string, string>();
		for (const code of codes) {
			const problem = (field: string, message: string) =>
				problems.push({ file: code.file, entry: code.name, field, message });
			if (code.wireCode && !code.wireField) problem('wireField', 'a wireCode needs the field it is sent in');
			if (code.wirePattern && !code.wireField) problem('wireField', 'a wirePattern needs the field it is matched in');
			const pairs = [
				...(code.wireCode && code.wireField ? [{ field: code.wireField, code: code.wireCode, path: 'wireField' }] : []),
				...code.wireAlso.map((pair, index) => ({ ...pair, path: `wireAlso.${index}.field` })),
				...(code.wirePattern && code.wireField && !code.wireCode
					? [{ field: code.wireField, code: `/${code.wirePattern}/`, path: 'wireField' }]
					: []),
			];
			for (const pair of pairs) {
				if (!read.has(pair.field)) {
					problem(
						pair.path,
						source.wire.length === 0
							? `${source.id} declares no wire format, so "${pair.field}" is never read`
							: `"${pair.field}" is never read: no wire format of ${source.id} reads codes there (its code fields: ${[...read].join(', ') || 'none'})`
					);
				}
				const key = `${pair.field}\u0000${pair.code}`;
				const owner = claimed.get(key);
				if (owner) problem(pair.path, `${pair.field} = "${pair.code}" already names ${owner}`);
				else claimed.set(key, code.name);
			}
		}
	}
	return problems;
}
