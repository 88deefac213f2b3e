/**
 * The verdict on a pasted response: what sent it, what it is, whether to
 * retry, what to do. Every value is rendered as text by React; nothing from
 * the response is ever treated as HTML.
 */
import type { Classification } from '../classifier/index.ts';
import { CopyButton } from './CopyButton.tsx';
import { rebasePath } from '../site/rebase.ts';

/** The classifier's links are site paths (SPEC §2); the site may be served under a base path. */
const sitePath = (path: string) => rebasePath(path, import.meta.env.BASE_URL);

const FIELD_LABELS: Record<string, string> = {
	message: 'Message',
	vendorCode: 'Vendor code',
	requestId: 'Request id',
	traceId: 'Trace id',
	instance: 'Instance',
	docUrl: 'Documentation',
	fieldNames: 'Fields named',
};

export function retryLabel(result: Classification): { text: string; tone: 'retry' | 'do-not-retry' | 'depends' } {
	if (result.retryable === false) return { text: 'Do not retry: fix first', tone: 'do-not-retry' };
	if (result.retryable === null) return { text: 'Depends', tone: 'depends' };
	// A request that may have been carried out is retried only when that is safe.
	const onlyIf = result.retryWhen === 'idempotent' ? ', if idempotent' : '';
	if (result.retryAfterSeconds === 0) return { text: `Retry now${onlyIf}`, tone: 'retry' };
	if (result.retryAfterSeconds !== null)
		return { text: `Retry after ${result.retryAfterSeconds} seconds${onlyIf}`, tone: 'retry' };
	return { text: `Retry with backoff${onlyIf}`, tone: 'retry' };
}

export function ResultCard({
	result,
	sourceName,
	titleId = 'atlas-pg-title',
}: {
	result: Classification;
	sourceName: string;
	/** The heading's id: a second card on the page (batch triage) needs its own. */
	titleId?: string;
}) {
	const retry = retryLabel(result);
	const fields = Object.entries(result.fields).map(
		([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)] as const
	);
	return (
		<section className="atlas-pg-card" aria-labelledby={titleId}>
			<p className="atlas-pg-system">
				{sourceName}{' '}
				<span className={`atlas-pg-confidence atlas-pg-confidence--${result.confidence}`}>
					{result.confidence} confidence
				</span>
			</p>
			<h2 id={titleId}>{result.title}</h2>
			<dl className="atlas-facts">
				<div>
					<dt>Code</dt>
					<dd>
						{result.code && result.links.code ? (
							<a href={sitePath(result.links.code)}>{result.code}</a>
						) : (
							'No catalog code'
						)}
					</dd>
				</div>
				{result.inner && (
					<div>
						<dt>Relayed inside</dt>
						<dd>
							{result.inner.code && result.inner.links.code ? (
								<a href={sitePath(result.inner.links.code)}>{result.inner.code}</a>
							) : (
								'No catalog code'
							)}
							{result.inner.status !== null && ` (HTTP ${result.inner.status})`}
						</dd>
					</div>
				)}
				<div>
					<dt>HTTP status</dt>
					<dd>
						{result.status === null ? (
							'None given'
						) : result.links.status ? (
							<a href={sitePath(result.links.status)}>{result.status}</a>
						) : (
							result.status
						)}
					</dd>
				</div>
				<div>
					<dt>Category</dt>
					<dd>
						{result.links.category ? <a href={sitePath(result.links.category)}>{result.category}</a> : result.category}
					</dd>
				</div>
				<div>
					<dt>Retry</dt>
					<dd>
						<span className={`atlas-verdict atlas-verdict--${retry.tone}`}>{retry.text}</span>
						<span className="atlas-verdict-note">{result.retryReason}</span>
					</dd>
				</div>
			</dl>
			{result.envelope && (
				<p className="atlas-pg-layers">
					<strong>Two layers:</strong> {result.envelope.note}
				</p>
			)}
			<h3>What happened</h3>
			<p>{result.explanation}</p>
			{result.nextSteps.length > 0 && (
				<>
					<h3>Next steps</h3>
					<ol>
						{result.nextSteps.map((step, index) => (
							<li key={index}>{step}</li>
						))}
					</ol>
				</>
			)}
			{fields.length > 0 && (
				<>
					<h3>Extracted fields</h3>
					<table className="atlas-table atlas-pg-fields">
						<caption className="sr-only">Fields extracted from the response</caption>
						<thead>
							<tr>
								<th scope="col">Field</th>
								<th scope="col">Value</th>
								<th scope="col">
									<span className="sr-only">Copy</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{fields.map(([name, value]) => (
								<tr key={name}>
									<th scope="row">{FIELD_LABELS[name] ?? name}</th>
									<td>
										<code>{value}</code>
									</td>
									<td>
										<CopyButton text={value} label={`Copy ${FIELD_LABELS[name] ?? name}`} />
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</>
			)}
			<details className="atlas-pg-evidence">
				<summary>Evidence: why this verdict ({result.evidence.length})</summary>
				<ul>
					{result.evidence.map((item, index) => (
						<li key={index}>
							<code>{item.field}</code> = <code>{item.value}</code>: {item.rule}
						</li>
					))}
				</ul>
			</details>
		</section>
	);
}
