/**
 * Messages between the playground island and its worker. Everything that
 * touches the pasted text (parsing, classifying, linting, highlighting) runs
 * in the worker, so a 5 MB paste never blocks typing or scrolling.
 */
import type { ClassifierData, Classification } from '../classifier/index.ts';
import type { LintReport, LintTarget } from '../linter/index.ts';

export type Mode = 'explain' | 'check';

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
