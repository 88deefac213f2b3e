/**
 * Turns a catalog example into the raw HTTP response a developer would see
 * (`curl -i` style), the one textual form shown on pages and, later, fed to
 * the classifier.
 */
import type { Example } from './schema.ts';

/** The body as text: JSON values pretty-printed, strings verbatim. */
export function exampleBodyText(example: Example): string {
	return typeof example.body === 'string' ? example.body : JSON.stringify(example.body, null, 2);
}

export function exampleToHttp(example: Example, reasonPhrase: string | undefined): string {
	const statusLine = `HTTP/1.1 ${example.status}${reasonPhrase ? ` ${example.statusText ?? reasonPhrase}` : ''}`;
	const headers = Object.entries(example.headers).map(([name, value]) => `${name}: ${value}`);
	return [statusLine, ...headers, '', exampleBodyText(example)].join('\n');
}
