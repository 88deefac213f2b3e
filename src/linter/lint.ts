/**
 * "Check my response": a developer pastes an error response their own API
 * or connector sends, and gets findings against the contract it should meet,
 * each pointing at a line of what they pasted. Pure, never throws, and reads
 * at most the first megabyte.
 */
import { readPasted, type Pasted } from './pasted.ts';
import { createReporter } from './report.ts';
import { lintRfc9457 } from './rfc9457.ts';
import { lintSyncHive } from './synchive.ts';
import type { CodeScheme } from '../catalog/schema.ts';
import { LINT_TARGETS, type Finding, type LintReport, type LintTarget } from './types.ts';

const TARGET_NAMES: Readonly<Record<LintTarget, string>> = {
	rfc9457: 'RFC 9457 problem details',
	'synchive-publish-error': 'SyncHive publish-error reply (PUT /v1/data)',
	'synchive-process-error': 'SyncHive process-error reply (PUT /v1/process)',
};

/** Bounded: at most one `"logCode"` search and one anchored suffix test on a short string. */
const SYNCHIVE_TYPE = /(?:publish|process)-error\/?$/i;

/**
 * The contract a body is written to: a SyncHive connector reply names its
 * type or carries a `logCode`; anything else is checked as problem details.
 * A body that is not JSON is recognised by its text, so a broken reply is
 * still checked against the contract it was meant to meet.
 */
export function detectTarget(pasted: Pasted): LintTarget {
	const value = pasted.body.value;
	let type: unknown;
	let logCode = false;
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const record = value as Record<string, unknown>;
		type = record.type;
		logCode = Object.hasOwn(record, 'logCode');
	} else if (value === undefined) {
		const text = pasted.body.text;
		const typeMatch = /"type"\s*:\s*"([^"\n]{0,200})"/.exec(text);
		type = typeMatch?.[1];
		logCode = text.includes('"logCode"');
	}
	const typeText = typeof type === 'string' ? type.trim() : '';
	const synchiveType = SYNCHIVE_TYPE.test(typeText) || /synchive\.com\/common\//i.test(typeText);
	if (!synchiveType && !logCode) return 'rfc9457';
	return /process-error/i.test(typeText) ? 'synchive-process-error' : 'synchive-publish-error';
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summarise(target: LintTarget, findings: readonly Finding[], pasted: Pasted | null): string {
	const errors = findings.filter((finding) => finding.severity === 'error').length;
	const warnings = findings.length - errors;
	const verdict =
		findings.length === 0
			? 'no problems found.'
			: `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${errors === 0 ? ': it meets the contract, with room to improve.' : '.'}`;
	const notes: string[] = [];
	if (pasted && !pasted.hasHead && pasted.status === null && pasted.kind !== 'empty') {
		notes.push('Only a body was pasted: paste the whole response (curl -i) to check its status and headers too.');
	}
	if (pasted?.truncated) notes.push('Only the first 1 MB was checked.');
	return [`${TARGET_NAMES[target]}: ${verdict}`, ...notes].join(' ');
}

/** Findings in the order of the paste; findings about the whole paste first. */
function byLine(findings: Finding[]): Finding[] {
	return findings
		.map((finding, order) => ({ finding, order }))
		.sort((a, b) => (a.finding.line ?? 0) - (b.finding.line ?? 0) || a.order - b.order)
		.map(({ finding }) => finding);
}

/** What the linters need from the catalog: SyncHive's logCode scheme, among the sources' code schemes. */
export interface LintCatalog {
	sources: readonly { id: string; codeScheme?: CodeScheme }[];
}

export function lintResponse(text: string, target: LintTarget | undefined, catalog: LintCatalog): LintReport {
	const requested = target !== undefined && LINT_TARGETS.includes(target) ? target : undefined;
	let chosen: LintTarget = requested ?? 'rfc9457';
	let pasted: Pasted | null = null;
	try {
		pasted = readPasted(typeof text === 'string' ? text : String(text));
		chosen = requested ?? detectTarget(pasted);
		const out = createReporter(pasted);
		if (pasted.truncated) {
			out.warning(
				'input-truncated',
				'The paste is over 1 MB; only the first megabyte was checked.',
				'Error bodies should be small: send a short problem description and log the bulk on the server.',
				{ line: null }
			);
		}
		if (chosen === 'rfc9457') lintRfc9457(pasted, out);
		else {
			const scheme = catalog.sources.find((source) => source.id === 'synchive')?.codeScheme;
			lintSyncHive(pasted, chosen === 'synchive-publish-error' ? 'publish' : 'process', scheme, out);
		}
		const findings = byLine(out.findings);
		return { target: chosen, findings, summary: summarise(chosen, findings, pasted) };
	} catch (error) {
		// A checker bug must not take the playground down: say so, as a finding.
		const findings: Finding[] = [
			{
				severity: 'error',
				rule: 'linter-internal',
				message: `The checker could not read this input (${error instanceof Error ? error.message : 'unknown error'}).`,
				fix: 'Check that the paste is an HTTP response or a JSON body; if it is, please report this input.',
				line: null,
			},
		];
		return { target: chosen, findings, summary: summarise(chosen, findings, pasted) };
	}
}
