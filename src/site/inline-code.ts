/**
 * Catalog prose may quote names in backticks (`error.code`). This splits such
 * text into plain and code parts so components can render `<code>` without
 * ever treating catalog text as HTML.
 */
export interface InlinePart {
	code: boolean;
	text: string;
}

export function splitInlineCode(text: string): InlinePart[] {
	// An odd part index is inside backticks; an unmatched backtick stays literal.
	const pieces = text.split('`');
	if (pieces.length % 2 === 0) return [{ code: false, text }];
	return pieces.map((piece, index) => ({ code: index % 2 === 1, text: piece })).filter((part) => part.text !== '');
}
