/**
 * Finds the values a catalog locator names in a response (see the wire
 * schema in `src/catalog/schema.ts`): body paths in JSON, element paths in
 * XML, the title, heading and text of an HTML page, and headers.
 *
 * Every walk is bounded (values, array elements, text length), so a
 * locator over a huge or hostile body stays cheap.
 */
import { firstElementInner, markupText, visibleText } from '../body.ts';
import type { Headers } from '../headers.ts';
import { isRecord } from '../json-path.ts';

/** A response body as the locators see it. */
export type WireBody =
	| { kind: 'json'; value: unknown }
	| { kind: 'xml'; markup: string }
	| { kind: 'html'; page: { title?: string; h1?: string; text: string } }
	| { kind: 'text'; text: string }
	| { kind: 'empty' };

export interface WireDocument {
	body: WireBody;
	headers: Headers;
}

/** No locator yields more values than this: enough for any real error list. */
const MAX_VALUES = 100;
const HEADER_PREFIX = 'header:';

const parsedPaths = new Map<string, readonly string[]>();
/** Locators come from the catalog, a few hundred in all: split each once. */
function steps(path: string): readonly string[] {
	let found = parsedPaths.get(path);
	if (!found) {
		found = path.split('.');
		if (parsedPaths.size < 10_000) parsedPaths.set(path, found);
	}
	return found;
}

/** Values at a dotted path; `[]` steps into every element, `*` into every member. */
export function jsonValues(root: unknown, path: string): unknown[] {
	let frontier: unknown[] = [root];
	for (const raw of steps(path)) {
		const step = raw.endsWith('[]') ? raw.slice(0, -2) : raw;
		const next: unknown[] = [];
		for (const value of frontier) {
			if (step === '*') {
				if (isRecord(value)) next.push(...Object.values(value).slice(0, MAX_VALUES));
			} else if (step === '') next.push(value);
			else if (isRecord(value) && Object.hasOwn(value, step)) next.push(value[step]);
			if (next.length >= MAX_VALUES) break;
		}
		frontier = raw.endsWith('[]')
			? next.flatMap((value) => (Array.isArray(value) ? value.slice(0, MAX_VALUES) : []))
			: next;
		if (frontier.length === 0) return frontier;
	}
	return frontier.slice(0, MAX_VALUES);
}

/** The text of the element at a dotted element path (`Error.Code`), first match at each step. */
function xmlValue(markup: string, path: string): string | undefined {
	let scope: string | undefined = markup;
	const steps = path.split('.');
	steps.forEach((step, index) => {
		if (scope !== undefined) scope = firstElementInner(scope, step, index === steps.length - 1 ? 4000 : 64 * 1024);
	});
	if (scope === undefined) return undefined;
	const text = markupText(scope);
	return text === '' ? undefined : text;
}

/** Headers by name; a trailing `*` names every header with that prefix (`x-shopify-*`). */
function headerValues(headers: Headers, name: string): string[] {
	const wanted = name.toLowerCase();
	if (!wanted.endsWith('*')) {
		const value = headers.get(wanted);
		return value === undefined ? [] : [value];
	}
	const prefix = wanted.slice(0, -1);
	return [...headers.entries()].filter(([key]) => key.startsWith(prefix)).map(([, value]) => value);
}

/** Every value a locator names in a response, in document order. */
export function locate(document: WireDocument, locator: string): unknown[] {
	if (locator.startsWith(HEADER_PREFIX)) return headerValues(document.headers, locator.slice(HEADER_PREFIX.length));
	const { body } = document;
	switch (body.kind) {
		case 'json':
			return jsonValues(body.value, locator);
		case 'xml': {
			const value = xmlValue(body.markup, locator);
			return value === undefined ? [] : [value];
		}
		case 'html':
			return jsonValues(body, locator).filter((value) => value !== undefined);
		case 'text':
			// A plain-text body (a router log line, a proxy's one-line answer) is one value: `text`.
			return locator === 'text' ? [body.text] : [];
		case 'empty':
			return [];
	}
}

/** The HTML page as locators see it: `page.title`, `page.h1`, `page.text`. */
export function htmlPage(markup: string, title: string | undefined, h1: string | undefined): WireBody {
	return {
		kind: 'html',
		page: { ...(title ? { title } : {}), ...(h1 ? { h1 } : {}), text: visibleText(markup, 2000) },
	};
}

/** A located value as text: strings trimmed, numbers and booleans printed, anything else none. */
export function asText(value: unknown, max = 2000): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}
