/**
 * Messages between the playground island and its worker. Everything that
 * touches the pasted text (parsing, classifying, linting, highlighting) runs
 * in the worker, so a 5 MB paste never blocks typing or scrolling.
 */
import type { ClassifierData, Classification } from '../classifier/index.ts';
import type { LintReport, LintTarget } from '../linter/index.ts';
import type { BatchRow, SplitLog } from './batch.ts';

export type Mode = 'explain' | 'check';
/** The playground's modes: one response (explained or checked), or a whole log. */
export type PlaygroundMode = Mode | 'batch';

export interface InitMessage {
	type: 'init';
	data: ClassifierData;
}

export interface WorkMessage {
	type: 'work';
	id: number;
	text: string;
	/** Optional status and headers for a body pasted alone. */
	status: string;
	headers: string;
	mode: Mode;
	target: LintTarget | 'auto';
}

export interface Token {
	content: string;
	/** CSS color for the light and dark themes. */
	light?: string;
	dark?: string;
}

export interface ShownBody {
	lines: Token[][];
	/** The body was cut for display (it is classified whole). */
	truncated: boolean;
	/** How many characters are shown. */
	shownChars: number;
	language: 'json' | 'xml' | 'text';
}

export interface WorkResult {
	type: 'result';
	id: number;
	result: Classification;
	lint: LintReport | null;
	body: ShownBody | null;
	/** Milliseconds spent in the worker, for the curious. */
	took: number;
}

/** Triage a whole log (HAR or JSON Lines). A new batch replaces the one under way. */
export interface BatchMessage {
	type: 'batch';
	id: number;
	text: string;
}

/** The full explanation of one row of the current batch, classified again on demand. */
export interface BatchDetailMessage {
	type: 'batch-detail';
	id: number;
	index: number;
}

export type WorkerRequest = InitMessage | WorkMessage | BatchMessage | BatchDetailMessage;

/** Rows as they are classified, in chunks, so a big log shows progress and never blocks. */
export interface BatchProgress {
	type: 'batch-progress';
	id: number;
	/** The rows classified since the last message. */
	rows: BatchRow[];
	/** How many rows are classified so far, of how many. */
	done: number;
	total: number;
	finished: boolean;
	/** What the log was, and what was left out. */
	summary: Omit<SplitLog, 'items'>;
	/** Milliseconds since the batch arrived in the worker. */
	took: number;
}

export interface BatchDetailResult {
	type: 'batch-detail';
	id: number;
	index: number;
	result: Classification;
	sourceName: string;
}

export type WorkerReply = WorkResult | BatchProgress | BatchDetailResult;
