/**
 * The catalog's coverage as Markdown: the README's "Coverage" section is
 * this text, written by `npm run coverage` and checked by a unit test, so the
 * numbers the README states are always the catalog's.
 */
import type { Catalog } from './catalog.ts';
import { sourcesByGroup } from './source-groups.ts';

export const COVERAGE_START = '<!-- coverage:start (npm run coverage writes this section) -->';
export const COVERAGE_END = '<!-- coverage:end -->';

export function coverageMarkdown(catalog: Catalog): string {
	const lines = [
		`${catalog.codes.length} codes from ${catalog.sources.length} error systems, and ${catalog.statuses.length} HTTP statuses, each with its own page.`,
		'',
	];
	for (const group of sourcesByGroup(catalog.sources)) {
		const listed = group.sources.map((source) =>
			source.kind === 'http' ? source.name : `${source.name} (${catalog.codesOfSource(source.id).length})`
		);
		lines.push(`- **${group.title}:** ${listed.join(', ')}.`);
	}
	return lines.join('\n');
}

/** The README with its coverage section replaced, or undefined when it has no markers. */
export function withCoverage(readme: string, coverage: string): string | undefined {
	const start = readme.indexOf(COVERAGE_START);
	const end = readme.indexOf(COVERAGE_END);
	if (start < 0 || end < start) return undefined;
	return `${readme.slice(0, start + COVERAGE_START.length)}\n\n${coverage}\n\n${readme.slice(end)}`;
}
