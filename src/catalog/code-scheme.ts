/**
 * Reading a code against its source's numbering scheme (`codeScheme` in the
 * catalog, such as SyncHive's `logCode`: four digits whose range names an
 * area, then a level letter). Pure: the classifier, the linter and the
 * pages share it, so the scheme is written once, in the catalog.
 */
import type { CodeScheme } from './schema.ts';

export interface SchemeReading {
	code: string;
	number: number;
	range?: CodeScheme['ranges'][number];
	level?: CodeScheme['levels'][number];
}

/** The number and level letter of a code in the scheme's form, or undefined when it does not fit the pattern. */
export function readSchemeCode(scheme: CodeScheme, code: string): SchemeReading | undefined {
	if (code.length > 100 || !new RegExp(scheme.pattern).test(code)) return undefined;
	const number = Number(/\d+/.exec(code)?.[0]);
	const letter = /[A-Z]$/.exec(code)?.[0];
	const range = scheme.ranges.find((item) => number >= item.from && number <= item.to);
	const level = scheme.levels.find((item) => item.letter === letter);
	return { code, number, ...(range ? { range } : {}), ...(level ? { level } : {}) };
}

/** One sentence for people, marked as our reading of the documented scheme. */
export function describeSchemeCode(scheme: CodeScheme, reading: SchemeReading): string {
	const range = reading.range
		? `${reading.range.from}–${reading.range.to} (${reading.range.meaning})`
		: 'none of the documented ranges';
	const level = reading.level ? `; level ${reading.level.letter}, ${reading.level.meaning}` : '';
	return `${scheme.name} ${reading.code}, read with the documented ${scheme.name} scheme (our reading, not a documented code): number ${reading.number} falls in ${range}${level}.`;
}
