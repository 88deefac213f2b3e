/**
 * Decides what a body is (JSON, XML, HTML, text) and pulls the readable bits
 * out of markup. Regular expressions here run on a bounded head of the body
 * and use no nested quantifiers, so no input makes them slow.
 */
import { mediaType, type Headers } from './headers.ts';
import { parseJson } from './input.ts';

export type ParsedBody =
	| { kind: 'json'; value: unknown }
	| { kind: 'xml'; text: string }
	| { kind: 'html'; text: string }
	| { kind: 'text'; text: string }
	| { kind: 'empty' };

/** Markup is read from its first 64 KiB: titles and error codes live at the top. */
const HEAD = 64 * 1024;

export function parseBody(body: string, headers: Headers, parsed?: unknown): ParsedBody {
	if (parsed !== undefined) return { kind: 'json', value: parsed };
	const trimmed = body.trim();
	if (trimmed === '') return { kind: 'empty' };
	const first = trimmed[0];
	const type = mediaType(headers);
	if (first === '{' || first === '[' || type.endsWith('json')) {
		const value = parseJson(trimmed);
		if (value !== undefined) return { kind: 'json', value };
	}
	if (first === '<') {
		const head = trimmed.slice(0, 1024).toLowerCase();
		// XHTML pages start with an XML prolog; an <html> element makes them HTML all the same.
		const html =
			/^<(!doctype html|html|head|body|title|h1|center|div|p)[\s>]/.test(head) ||
			head.includes('<html') ||
			head.includes('<!doctype html') ||
			type === 'text/html';
		return { kind: html ? 'html' : 'xml', text: trimmed };
	}
	if (type === 'text/html' && trimmed.includes('<')) return { kind: 'html', text: trimmed };
	return { kind: 'text', text: trimmed };
}

/** The markup inside the first `<tag>…</tag>` (namespace prefixes allowed), or undefined. */
export function firstElementInner(markup: string, tag: string, limit = 4000): string | undefined {
	const head = markup.slice(0, HEAD);
	if (!/^[A-Za-z_][\w.-]{0,100}$/.test(tag)) return undefined;
	const open = new RegExp(`<(?:[A-Za-z_][\\w.-]{0,50}:)?${tag}(?:\\s[^>]{0,500})?>`, 'i').exec(head);
	if (!open) return undefined;
	const start = open.index + open[0].length;
	const name = open[0].slice(1).split(/[\s>]/, 1)[0] ?? tag;
	const end = head.toLowerCase().indexOf(`</${name.toLowerCase()}>`, start);
	if (end < 0) return undefined;
	return head.slice(start, Math.min(end, start + limit));
}

/** The text of the first `<tag>…</tag>`, tags inside removed, whitespace collapsed. */
export function firstElementText(markup: string, tag: string): string | undefined {
	const inner = firstElementInner(markup, tag);
	return inner === undefined ? undefined : collapse(stripTags(inner));
}

/** Text of markup: tags removed, entities decoded, whitespace collapsed. */
export function markupText(markup: string): string {
	return collapse(stripTags(markup));
}

export function stripTags(markup: string): string {
	return decodeEntities(markup.replace(/<[^>]{0,2000}>/g, ' '));
}

/** Visible text of an HTML page's body, bounded, for messages and vocabulary rules. */
export function visibleText(markup: string, max = 2000): string {
	const head = markup.slice(0, HEAD).replace(/<(script|style)\b[^>]{0,500}>[\s\S]{0,20000}?<\/\1>/gi, ' ');
	return collapse(stripTags(head)).slice(0, max);
}

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
	return text.replace(/&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (entity, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : entity;
		}
		return ENTITIES[name.toLowerCase()] ?? entity;
	});
}
