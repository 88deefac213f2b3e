/**
 * Shiki highlighting for the playground, run in the worker. Only JSON and
 * XML/HTML grammars and two themes are bundled, with Shiki's JavaScript
 * regex engine (no WebAssembly). Output is tokens, never HTML: the page
 * renders them as text nodes, so nothing pasted can become markup.
 */
import { createHighlighterCoreSync, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import json from '@shikijs/langs/json';
import xml from '@shikijs/langs/xml';
import githubDark from '@shikijs/themes/github-dark';
import githubLight from '@shikijs/themes/github-light';
import type { ShownBody, Token } from './protocol.ts';

/** Highlighting and rendering cost grow with the text: show the head of a big body (every token is a DOM node). */
export const MAX_SHOWN = 8_000;

let highlighter: HighlighterCore | undefined;
function getHighlighter(): HighlighterCore {
	highlighter ??= createHighlighterCoreSync({
		themes: [githubLight, githubDark],
		langs: [json, xml],
		engine: createJavaScriptRegexEngine(),
	});
	return highlighter;
}

export function warmUp(): void {
	getHighlighter().codeToTokens('{"warm": true}', {
		lang: 'json',
		themes: { light: 'github-light', dark: 'github-dark' },
	});
}

/** Pretty-prints JSON bodies (when they parse and are not huge); other bodies stay as sent. */
export function displayBody(body: string): { text: string; language: ShownBody['language'] } {
	const trimmed = body.trim();
	// Re-indenting is done here, in the worker, even for megabytes: a single long line is what makes
	// highlighting slow, and what a reader cannot read.
	if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < 20_000_000) {
		try {
			return { text: JSON.stringify(JSON.parse(trimmed), null, 2), language: 'json' };
		} catch {
			// Not JSON after all: shown as text below.
		}
	}
	return { text: body, language: trimmed.startsWith('<') ? 'xml' : 'text' };
}

const MAX_LINES = 200;

function nthIndexOf(text: string, search: string, n: number): number {
	let index = -1;
	for (let count = 0; count < n; count++) {
		index = text.indexOf(search, index + 1);
		if (index < 0) return -1;
	}
	return index;
}

export function highlightBody(body: string): ShownBody | null {
	if (body.trim() === '') return null;
	const { text, language } = displayBody(body);
	let shown = text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text;
	// Every token becomes a DOM node on the page: cap the lines too.
	const lineEnd = nthIndexOf(shown, '\n', MAX_LINES);
	if (lineEnd >= 0) shown = shown.slice(0, lineEnd);
	const truncated = shown.length < text.length;
	if (language === 'text') {
		return {
			lines: shown.split('\n').map((line) => [{ content: line }]),
			truncated,
			shownChars: shown.length,
			language,
		};
	}
	try {
		const { tokens } = getHighlighter().codeToTokens(shown, {
			lang: language,
			themes: { light: 'github-light', dark: 'github-dark' },
		});
		const lines = tokens.map((line) =>
			line.map((token): Token => {
				const style = token.htmlStyle ?? {};
				return {
					content: token.content,
					...(style.color ? { light: style.color } : {}),
					...(style['--shiki-dark'] ? { dark: style['--shiki-dark'] } : {}),
				};
			})
		);
		return { lines, truncated, shownChars: shown.length, language };
	} catch {
		return {
			lines: shown.split('\n').map((line) => [{ content: line }]),
			truncated,
			shownChars: shown.length,
			language: 'text',
		};
	}
}
