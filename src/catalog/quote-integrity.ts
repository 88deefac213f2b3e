/**
 * Quotation marks are a promise: the words inside are someone's exact
 * words. Every passage an entry's prose shows between quotation marks must
 * be declared in its `quotes` (the docs' words, or a message as sent) with
 * the page it comes from, which must be one of the entry's references.
 * Short quoted values ("Member Exists", "Retry later") and messages that
 * stand in the entry's own examples are free.
 */
import type { CatalogProblem } from './problems.ts';
import type { CatalogFiles } from './read.ts';
import type { CatalogCode, CatalogSource, Quote } from './schema.ts';

/** Quoted passages of fewer words are values and labels, not sentences someone wrote. */
const MIN_WORDS = 4;
const QUOTED = /["“]([^"“”\n]{3,600})["”]/g;

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The passages a text shows as quotes, without the punctuation that closes a quoted sentence. */
export function quotedPassages(text: string): string[] {
	// Inline code with quotation marks in it (`"ok": false`) holds JSON, not quotations.
	return [...text.replace(/`[^`\n]*`/g, (span) => (span.includes('"') ? '`…`' : span)).matchAll(QUOTED)]
		.map((match) => normalize((match[1] ?? '').replace(/[\s.…,;:]+$/, '')))
		.filter((passage) => passage.split(' ').length >= MIN_WORDS);
}

interface Quoting {
	file: string;
	entry: string;
	prose: [field: string, text: string | undefined][];
	quotes: readonly Quote[];
	/** What the entry shows as sent on the wire: its examples and message format. */
	wire: string;
	/** The pages it may quote from. */
	urls: ReadonlySet<string>;
}

function codeQuoting(code: CatalogCode): Quoting {
	return {
		file: code.file,
		entry: code.name,
		prose: [
			['summary', code.summary],
			['retryNote', code.retryNote],
			...code.causes.map((text, index): [string, string] => [`causes.${index}`, text]),
			...code.fixes.map((text, index): [string, string] => [`fixes.${index}`, text]),
			...code.notes.map((text, index): [string, string] => [`notes.${index}`, text]),
			...code.fields.map((field, index): [string, string] => [`fields.${index}.meaning`, field.meaning]),
			...code.examples.map((example, index): [string, string | undefined] => [`examples.${index}.note`, example.note]),
		],
		quotes: code.quotes,
		wire: normalize(
			[
				code.messageFormat ?? '',
				...code.examples.map((example) =>
					typeof example.body === 'string' ? example.body : JSON.stringify(example.body)
				),
			].join('\n')
		),
		urls: new Set([
			...code.references.map((reference) => reference.url),
			...code.examples.flatMap((example) => (example.source ? [example.source] : [])),
		]),
	};
}

function sourceQuoting(source: CatalogSource): Quoting {
	const scheme = source.codeScheme;
	return {
		file: source.file,
		entry: source.id,
		prose: [
			['summary', source.summary],
			['envelope.description', source.envelope.description],
			['envelope.example.note', source.envelope.example.note],
			['retries', source.retries],
			...source.howToRead.map((text, index): [string, string] => [`howToRead.${index}`, text]),
			...source.fields.map((field, index): [string, string] => [`fields.${index}.meaning`, field.meaning]),
			...source.notes.map((text, index): [string, string] => [`notes.${index}`, text]),
			['codeScheme.description', scheme?.description],
			...(scheme?.notes ?? []).map((text, index): [string, string] => [`codeScheme.notes.${index}`, text]),
			...(scheme?.examples ?? []).map((example, index): [string, string] => [
				`codeScheme.examples.${index}.reading`,
				example.reading,
			]),
		],
		quotes: source.quotes,
		wire: normalize(
			typeof source.envelope.example.body === 'string'
				? source.envelope.example.body
				: JSON.stringify(source.envelope.example.body)
		),
		urls: new Set([
			...source.references.map((reference) => reference.url),
			...(source.envelope.example.source ? [source.envelope.example.source] : []),
		]),
	};
}

function check({ file, entry, prose, quotes, wire, urls }: Quoting): CatalogProblem[] {
	const problems: CatalogProblem[] = [];
	const declared = quotes.map((quote) => normalize(quote.text));
	for (const [field, text] of prose) {
		for (const passage of quotedPassages(text ?? '')) {
			if (wire.includes(passage) || declared.some((quote) => quote.includes(passage))) continue;
			problems.push({
				file,
				entry,
				field,
				message: `"${passage.length > 80 ? `${passage.slice(0, 80)}…` : passage}" is shown as a quote but is not in quotes: quote exactly and declare it with its reference, or paraphrase without quotation marks`,
			});
		}
	}
	quotes.forEach((quote, index) => {
		if (!urls.has(quote.url))
			problems.push({
				file,
				entry,
				field: `quotes.${index}.url`,
				message: `${quote.url} is not one of the entry's references: a quote carries the reference it is quoted from`,
			});
	});
	return problems;
}

export function checkQuotes(files: Pick<CatalogFiles, 'sources' | 'codes'>): CatalogProblem[] {
	return [...files.codes.map(codeQuoting), ...files.sources.map(sourceQuoting)].flatMap(check);
}
