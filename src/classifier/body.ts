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

/** The text of the first `<tag>…</tag>`, tags inside removed, whitespace collapsed. */
export function firstElementText(markup: string, tag: string): string | undefined {
	const head = markup.slice(0, HEAD);
	const open = new RegExp(`<${tag}(?:\\s[^>]{0,500})?>`, 'i').exec(head);
	if (!open) return undefined;
	const start = open.index + open[0].length;
	const end = head.toLowerCase().indexOf(`</${tag.toLowerCase()}>`, start);
	if (end < 0) return undefined;
	return collapse(stripTags(head.slice(start, Math.min(end, start + 4000))));
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
