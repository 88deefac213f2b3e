/** Reading members of parsed JSON without trusting its shape. */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A member by dotted path (`error.code`); `undefined` when any step is missing. */
export function member(value: unknown, path: string): unknown {
	let current = value;
	for (const key of path.split('.')) {
		if (!isRecord(current)) return undefined;
		current = current[key];
	}
	return current;
}

/** A string member, trimmed and bounded; numbers are accepted as their text. */
export function text(value: unknown, path?: string, max = 2000): string | undefined {
	const found = path === undefined ? value : member(value, path);
	if (typeof found === 'number' && Number.isFinite(found)) return String(found);
	if (typeof found !== 'string') return undefined;
	const trimmed = found.trim();
	return trimmed === '' ? undefined : trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}

export function records(value: unknown): JsonRecord[] {
	return Array.isArray(value) ? value.slice(0, 100).filter(isRecord) : [];
}

/** A whole-number HTTP status, from a number or a numeric string. */
export function statusOf(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= 100 && number <= 599 ? number : undefined;
}
