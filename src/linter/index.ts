/**
 * The playground's "check my response" mode: lint an error response your own
 * API or connector sends against RFC 9457 or SyncHive's connector contract.
 * No DOM, no network: import it from Node or the browser.
 */
export { detectTarget, lintResponse } from './lint.ts';
export { LINT_TARGETS, type Finding, type LintReport, type LintTarget } from './types.ts';
