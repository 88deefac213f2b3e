/**
 * What the playground's "check my response" mode says about an error
 * response a developer's own API or connector sends. Plain data: the page
 * renders it, tests compare it.
 */

/** The contracts a pasted response can be checked against. */
export const LINT_TARGETS = ['rfc9457', 'synchive-publish-error', 'synchive-process-error'] as const;
export type LintTarget = (typeof LINT_TARGETS)[number];

export interface Finding {
	severity: 'error' | 'warning';
	/** Stable id; spec rules carry their section, e.g. `rfc9457-3.1.1-type`. */
	rule: string;
	message: string;
	fix: string;
	/** 1-based line in the pasted text, so the page can highlight it; null when no line fits. */
	line: number | null;
	/** JSON pointer into the body (`/status`, `/linkIdentities/linkIdentities/0/iri`). */
	pointer?: string;
}

export interface LintReport {
	target: LintTarget;
	findings: Finding[];
	summary: string;
}
