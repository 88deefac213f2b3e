/** The checks every contract starts with: is there a body, is it JSON, is it an object. */
import type { Pasted } from './pasted.ts';
import { isRecord, jsonType, type Reporter } from './report.ts';

/**
 * The body as an object, or null after saying why not. `objectRule` is the
 * contract's own rule for "must be a JSON object".
 */
export function bodyObject(pasted: Pasted, out: Reporter, objectRule: string): Record<string, unknown> | null {
	const { body } = pasted;
	if (body.text.trim() === '' && body.value === undefined) {
		out.error(objectRule, 'The response has no body.', 'Send the error as a JSON object in the response body.', {
			line: pasted.statusLine,
		});
		return null;
	}
	if (body.syntax) {
		const markup = body.text.trimStart().startsWith('<');
		const cut = pasted.truncated ? ' (only the first 1 MB was read, so the JSON may be cut short)' : '';
		out.error(
			'json-syntax',
			markup ? 'The body is HTML or XML, not JSON.' : `The body is not valid JSON: ${body.syntax.message}${cut}.`,
			markup
				? 'Serialise the error as a JSON object; an HTML page here usually means a proxy or framework error page answered instead of your handler.'
				: 'Serialise the body with a JSON library rather than by hand, so quotes, commas and line breaks are escaped.',
			{ line: body.syntax.line }
		);
		return null;
	}
	if (!isRecord(body.value)) {
		out.error(
			objectRule,
			`The body is ${jsonType(body.value)}, not a JSON object.`,
			'Send a single JSON object with the members the contract defines.',
			{ pointer: '' }
		);
		return null;
	}
	for (const { pointer, line } of body.duplicates.slice(0, 20)) {
		out.warning(
			'json-duplicate-member',
			`The member ${pointer} appears more than once in the same object; parsers disagree on which value wins.`,
			'Send each member once.',
			{ line }
		);
	}
	return body.value;
}
