/**
 * The catalog's codes by where they sit on the wire: source, field and
 * value, as each entry declares them (`wireCode`/`wireField`, `wireAlso`,
 * `wirePattern`). Recognition (`isCode`) and code matching both ask here.
 */
import type { ClassifierCode } from '../data.ts';
import { compiled } from './recognize.ts';

export interface WireCodeIndex {
	has(source: string, field: string, value: string, ignoreCase?: boolean): boolean;
	find(source: string, field: string, value: string, ignoreCase?: boolean): ClassifierCode | undefined;
	/** The entry with this id in this source. */
	entry(source: string, id: string): ClassifierCode | undefined;
	/** The source's only entry with this status, if exactly one has it. */
	onlyWithStatus(source: string, status: number): ClassifierCode | undefined;
	/** Every field a source's entries declare codes under. */
	fields(source: string): ReadonlySet<string>;
}

const key = (...parts: string[]) => parts.join('\u0000');

export function wireCodeIndex(codes: readonly ClassifierCode[]): WireCodeIndex {
	const exact = new Map<string, ClassifierCode>();
	const folded = new Map<string, ClassifierCode>();
	const patterned = new Map<string, ClassifierCode[]>();
	const byId = new Map<string, ClassifierCode>();
	const byStatus = new Map<string, ClassifierCode[]>();
	const fields = new Map<string, Set<string>>();
	const addField = (source: string, field: string) => {
		const set = fields.get(source) ?? new Set<string>();
		set.add(field);
		fields.set(source, set);
	};
	for (const code of codes) {
		byId.set(key(code.source, code.id), code);
		const sameStatus = byStatus.get(key(code.source, String(code.status))) ?? [];
		sameStatus.push(code);
		byStatus.set(key(code.source, String(code.status)), sameStatus);
		const pairs = [
			...(code.wireCode && code.wireField ? [{ field: code.wireField, code: code.wireCode }] : []),
			...code.wireAlso,
		];
		for (const pair of pairs) {
			// The first entry to declare a value keeps it; the catalog check reports the clash.
			if (!exact.has(key(code.source, pair.field, pair.code))) exact.set(key(code.source, pair.field, pair.code), code);
			const lower = key(code.source, pair.field, pair.code.toLowerCase());
			if (!folded.has(lower)) folded.set(lower, code);
			addField(code.source, pair.field);
		}
		if (code.wirePattern && code.wireField) {
			const group = patterned.get(key(code.source, code.wireField)) ?? [];
			group.push(code);
			patterned.set(key(code.source, code.wireField), group);
			addField(code.source, code.wireField);
		}
	}
	const find = (source: string, field: string, value: string, ignoreCase = false) =>
		(ignoreCase ? folded.get(key(source, field, value.toLowerCase())) : exact.get(key(source, field, value))) ??
		patterned.get(key(source, field))?.find((code) => compiled(code.wirePattern ?? '', ignoreCase).test(value));
	return {
		find,
		has: (source, field, value, ignoreCase) => find(source, field, value, ignoreCase) !== undefined,
		entry: (source, id) => byId.get(key(source, id)),
		onlyWithStatus(source, status) {
			const found = byStatus.get(key(source, String(status)));
			return found?.length === 1 ? found[0] : undefined;
		},
		fields: (source) => fields.get(source) ?? new Set(),
	};
}
