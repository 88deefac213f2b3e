/**
 * The catalog as plain Markdown for language models (the llms.txt
 * convention, https://llmstxt.org/): `/llms.txt` is the index of pages with
 * one line each, `/llms-full.txt` their text, code pages included. Both are
 * generated from the catalog and the guides at build time.
 */
import type { Catalog } from './catalog.ts';
import { CATEGORIES } from './categories.ts';
import { displayCode } from './display.ts';
import type { CatalogCode } from './schema.ts';
import { categoryUrl, codeUrl, sourceUrl, statusUrl } from './urls.ts';

export interface LlmsGuide {
	title: string;
	description: string;
	/** Site path, `/guides/…/`. */
	url: string;
	/** The guide's Markdown, as written. */
	body: string;
}

/** Absolute URLs: llms.txt is read away from the site. */
export type Absolute = (path: string) => string;

const SUMMARY =
	'Error Atlas is a reference of the error responses integration developers meet: the codes of integration platforms (Integration Labs, Integry, SyncHive, Botpress, Datafold), of the vendor APIs behind them, of standards and frameworks, and every HTTP status. Each code page says what the error means, whose side must act, whether and when to retry, and how to fix it, with the vendor’s own documentation linked.';

/** The first sentence of a text, for a one-line description. */
function firstSentence(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const end = flat.search(/[.!?](?:\s|$)/);
	return end === -1 ? flat : flat.slice(0, end + 1);
}

export function llmsIndex(catalog: Catalog, guides: readonly LlmsGuide[], absolute: Absolute): string {
	const lines = [`# Error Atlas`, '', `> ${SUMMARY}`, ''];
	lines.push(
		'Every page is also available as data: the whole catalog at ' +
			`${absolute('/catalog.json')} (JSON Schema at ${absolute('/catalog.schema.json')}), one code at ` +
			`${absolute('/codes/<source>/<id>.json')}. The full text of every page is at ${absolute('/llms-full.txt')}.`,
		''
	);
	lines.push('## Guides', '');
	for (const guide of guides)
		lines.push(`- [${guide.title}](${absolute(guide.url)}): ${firstSentence(guide.description)}`);
	lines.push('', '## Error systems', '');
	for (const source of catalog.sources)
		lines.push(`- [${source.name}](${absolute(sourceUrl(source.id))}): ${firstSentence(source.summary)}`);
	lines.push('', '## Categories', '');
	for (const category of CATEGORIES)
		lines.push(`- [${category.title}](${absolute(categoryUrl(category.id))}): ${firstSentence(category.meaning)}`);
	lines.push('', '## HTTP statuses', '');
	for (const entry of catalog.statuses)
		lines.push(
			`- [${entry.status} ${entry.name}](${absolute(statusUrl(entry.status))}): ${firstSentence(entry.meaning)}`
		);
	lines.push('', '## Codes', '');
	for (const code of catalog.codes)
		lines.push(`- [${displayCode(code)} (${code.source}): ${code.title}](${absolute(codeUrl(code.name))})`);
	return `${lines.join('\n')}\n`;
}

function codeText(catalog: Catalog, code: CatalogCode, absolute: Absolute): string {
	const source = catalog.source(code.source)?.name ?? code.source;
	const retry =
		code.retryable === true
			? `yes${code.retryWhen === 'idempotent' ? ', if the request is safe to repeat' : ''}`
			: code.retryable === false
				? 'no'
				: 'it depends';
	return [
		`## ${code.title} (${source}: ${displayCode(code)})`,
		'',
		`URL: ${absolute(codeUrl(code.name))}`,
		`Code: ${code.name}${code.wireCode ? `; sent as \`${code.wireCode}\`${code.wireField ? ` in \`${code.wireField}\`` : ''}` : ''}`,
		`HTTP status: ${[code.status, ...code.otherStatuses].join(', ')}; category: ${code.category}; retry: ${retry}; who acts: ${code.actor}`,
		'',
		code.summary.trim(),
		'',
		...(code.retryNote ? [`Retry: ${code.retryNote.trim()}`, ''] : []),
		'Causes:',
		...code.causes.map((cause) => `- ${cause.trim()}`),
		'',
		'Fixes:',
		...code.fixes.map((fix) => `- ${fix.trim()}`),
		'',
		'References:',
		...code.references.map((reference) => `- ${reference.title}: ${reference.url}`),
	].join('\n');
}

/** Guides' MDX without its import lines and component tags: the prose and code a reader sees. */
function guideText(body: string): string {
	return body
		.replace(/^import\s.*$/gm, '')
		.replace(/^<[A-Z][^>]*\/>\s*$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

export function llmsFull(catalog: Catalog, guides: readonly LlmsGuide[], absolute: Absolute): string {
	const parts = [`# Error Atlas`, '', `> ${SUMMARY}`];
	for (const guide of guides)
		parts.push('', `# ${guide.title}`, '', `URL: ${absolute(guide.url)}`, '', guideText(guide.body));
	parts.push('', '# Codes');
	for (const code of catalog.codes) parts.push('', codeText(catalog, code, absolute));
	return `${parts.join('\n')}\n`;
}
