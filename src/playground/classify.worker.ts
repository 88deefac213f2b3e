/// <reference lib="webworker" />
/**
 * The playground's worker: classifies, lints and highlights what was
 * pasted, off the main thread. It makes no requests: the catalog data
 * arrives in the first message.
 */
import { classify, type ClassifierData } from '../classifier/index.ts';
import { readInput } from '../classifier/input.ts';
import { lintResponse } from '../linter/index.ts';
import { highlightBody, warmUp } from './highlight.ts';
import type { InitMessage, WorkMessage, WorkResult } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let data: ClassifierData | undefined;

/** "Name: value" lines, for a body pasted alone. */
function parseHeaderLines(text: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return headers;
}

function work(message: WorkMessage, catalog: ClassifierData): WorkResult {
	const started = performance.now();
	const read = readInput(message.text);
	const extraStatus = Number(message.status);
	const extraHeaders = message.headers.trim() ? parseHeaderLines(message.headers) : {};
	const useExtras =
		read.kind === 'body' &&
		((Number.isInteger(extraStatus) && extraStatus > 0) || Object.keys(extraHeaders).length > 0);
	const input = useExtras
		? {
				status: Number.isInteger(extraStatus) && extraStatus > 0 ? extraStatus : null,
				headers: extraHeaders,
				body: message.text,
			}
		: message.text;
	const result = classify(input, catalog);
	const lint =
		message.mode === 'check'
			? lintResponse(message.text, message.target === 'auto' ? undefined : message.target, catalog)
			: null;
	return {
		type: 'result',
		id: message.id,
		result,
		lint,
		body: highlightBody(read.body),
		took: performance.now() - started,
	};
}

self.onmessage = (event: MessageEvent<InitMessage | WorkMessage>) => {
	const message = event.data;
	if (message.type === 'init') {
		data = message.data;
		// Compile the grammars now, while the user is still reading, not on the first paste.
		setTimeout(warmUp, 0);
		return;
	}
	if (!data) return;
	self.postMessage(work(message, data));
};
