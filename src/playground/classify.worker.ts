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
import { splitLog, toRow, type BatchItem, type BatchRow } from './batch.ts';
import type {
	BatchDetailMessage,
	BatchDetailResult,
	BatchMessage,
	BatchProgress,
	WorkerRequest,
	WorkMessage,
	WorkResult,
} from './protocol.ts';

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

/** How long the worker classifies before it posts rows and lets other messages in. */
const CHUNK_MS = 50;

/** The batch under way, or the last one: kept to explain a row on demand. */
let batch: { id: number; items: BatchItem[] } | undefined;

/**
 * Classifies a log in chunks of about CHUNK_MS: after each, the rows so far
 * are posted and the worker yields, so a newer batch (or a row's details)
 * is handled at once and the older batch stops.
 */
function startBatch(message: BatchMessage, catalog: ClassifierData): void {
	const started = performance.now();
	const { items, ...summary } = splitLog(message.text);
	const current = { id: message.id, items };
	batch = current;
	let next = 0;
	const step = () => {
		if (batch !== current) return;
		const until = performance.now() + CHUNK_MS;
		const rows: BatchRow[] = [];
		do {
			const item = items[next];
			if (!item) break;
			rows.push(
				toRow(item, next, item.kind === 'response' ? classify(item.value, catalog) : null, catalog.sourceNames)
			);
			next++;
		} while (performance.now() < until);
		const finished = next >= items.length;
		self.postMessage({
			type: 'batch-progress',
			id: message.id,
			rows,
			done: next,
			total: items.length,
			finished,
			summary,
			took: performance.now() - started,
		} satisfies BatchProgress);
		if (!finished) setTimeout(step, 0);
	};
	step();
}

function batchDetail(message: BatchDetailMessage, catalog: ClassifierData): void {
	const item = batch?.id === message.id ? batch.items[message.index] : undefined;
	if (item?.kind !== 'response') return;
	const result = classify(item.value, catalog);
	self.postMessage({
		type: 'batch-detail',
		id: message.id,
		index: message.index,
		result,
		sourceName: catalog.sourceNames[result.source ?? result.format] ?? result.format,
	} satisfies BatchDetailResult);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const message = event.data;
	if (message.type === 'init') {
		data = message.data;
		// Compile the grammars now, while the user is still reading, not on the first paste.
		setTimeout(warmUp, 0);
		return;
	}
	if (!data) return;
	if (message.type === 'batch') startBatch(message, data);
	else if (message.type === 'batch-detail') batchDetail(message, data);
	else self.postMessage(work(message, data));
};
