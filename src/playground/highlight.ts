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

/** Highlighting cost grows with the text: show the head of a big body. */
const MAX_SHOWN = 20_000;

let highlighter: HighlighterCore | undefined;
function getHighlighter(): HighlighterCore {
	highlighter ??= createHighlighterCoreSync({
		themes: [githubLight, githubDark],
		langs: [json, xml],
		engine: createJavaScriptRegexEngine(),
	});
	return highlighter;
}

/** Pretty-prints JSON bodies (when they parse and are not huge); other bodies stay as sent. */
export function displayBody(body: string): { text: string; language: ShownBody['language'] } {
	const trimmed = body.trim();
	if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < 1_000_000) {
		try {
			return { text: JSON.stringify(JSON.parse(trimmed), null, 2), language: 'json' };
		} catch {
			// Not JSON after all: shown as text below.
		}
	}
	return { text: body, language: trimmed.startsWith('<') ? 'xml' : 'text' };
}

export function highlightBody(body: string): ShownBody | null {
	if (body.trim() === '') return null;
	const { text, language } = displayBody(body);
	const truncated = text.length > MAX_SHOWN;
	const shown = truncated ? text.slice(0, MAX_SHOWN) : text;
	if (language === 'text') {
		return { lines: shown.split('\n').map((line) => [{ content: line }]), truncated, language };
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
		return { lines, truncated, language };
	} catch {
		return { lines: shown.split('\n').map((line) => [{ content: line }]), truncated, language: 'text' };
	}
}
