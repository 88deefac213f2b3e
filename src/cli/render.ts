/**
 * A classification as a person reads it in a terminal: a verdict line, the
 * explanation, numbered next steps, the extracted fields and the evidence.
 * Colour only when the stream is a TTY (and NO_COLOR is not set).
 */
import { RETRY_LABELS, retryVerdict } from '../catalog/labels.ts';
import type { Classification } from '../classifier/index.ts';

export interface Style {
	bold(text: string): string;
	dim(text: string): string;
	red(text: string): string;
	green(text: string): string;
	yellow(text: string): string;
}

const plain: Style = { bold: (t) => t, dim: (t) => t, red: (t) => t, green: (t) => t, yellow: (t) => t };
const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const coloured: Style = {
	bold: ansi(1, 22),
	dim: ansi(2, 22),
	red: ansi(31, 39),
	green: ansi(32, 39),
	yellow: ansi(33, 39),
};

export function styleFor(isTTY: boolean | undefined, env: Record<string, string | undefined>): Style {
	return isTTY && !env.NO_COLOR ? coloured : plain;
}

/** Terminal text must not carry control sequences from the pasted response. */
function clean(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function renderExplanation(result: Classification, style: Style, siteUrl: string): string {
	const verdict = retryVerdict(result.retryable);
	const retry =
		verdict === 'retry'
			? style.green(
					`${result.retryAfterSeconds !== null ? `Retry after ${result.retryAfterSeconds} s` : 'Retry with backoff'}${result.retryWhen === 'idempotent' ? ', if idempotent' : ''}`
				)
			: verdict === 'do-not-retry'
				? style.red(RETRY_LABELS[verdict])
				: style.yellow('Retry: depends');
	const lines = [
		style.bold(clean(result.title)),
		[
			result.code ?? result.format,
			result.status !== null ? `HTTP ${result.status}` : 'no status',
			result.category,
			retry,
		].join(' · '),
		...(result.inner
			? [
					`Inside: ${clean(result.inner.title)} · ${[result.inner.code ?? result.inner.format, result.inner.status !== null ? `HTTP ${result.inner.status}` : 'no status', result.inner.category].join(' · ')}`,
				]
			: []),
		'',
		clean(result.explanation),
	];
	if (result.nextSteps.length > 0) {
		lines.push('', style.bold('Next steps'));
		result.nextSteps.forEach((step, index) => lines.push(`  ${index + 1}. ${clean(step)}`));
	}
	const fields = Object.entries(result.fields);
	if (fields.length > 0) {
		lines.push('', style.bold('Fields'));
		for (const [name, value] of fields)
			lines.push(`  ${name}: ${clean(Array.isArray(value) ? value.join(', ') : String(value))}`);
	}
	if (result.evidence.length > 0) {
		lines.push('', style.bold('Evidence'));
		for (const item of result.evidence)
			lines.push(style.dim(`  ${clean(item.field)} = ${clean(item.value)}: ${clean(item.rule)}`));
	}
	// The relayed response's own code page comes right after the relay's.
	const paths = [...Object.values(result.links), ...(result.inner?.links.code ? [result.inner.links.code] : [])];
	const links = [...new Set(paths)].map((path) => `${siteUrl}${path}`);
	if (links.length > 0) lines.push('', style.bold('Read more'), ...links.map((link) => `  ${link}`));
	return `${lines.join('\n')}\n`;
}
