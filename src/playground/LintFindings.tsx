/** "Check my response": the linter's findings, each with its line and its fix. */
import type { LintReport } from '../linter/index.ts';

const TARGET_NAMES: Record<LintReport['target'], string> = {
	rfc9457: 'RFC 9457 problem details',
	'synchive-publish-error': 'SyncHive publish-error reply',
	'synchive-process-error': 'SyncHive process-error reply',
};

export function LintFindings({ report }: { report: LintReport }) {
	const errors = report.findings.filter((finding) => finding.severity === 'error').length;
	return (
		<section className="atlas-pg-card" aria-labelledby="atlas-pg-lint-title">
			<h2 id="atlas-pg-lint-title">Checked against the {TARGET_NAMES[report.target]} contract</h2>
			<p>{report.summary}</p>
			{report.findings.length === 0 ? (
				<p className="atlas-verdict atlas-verdict--retry">No findings: the response follows the contract.</p>
			) : (
				<ol
					className="atlas-pg-findings"
					aria-label={`${errors} error(s), ${report.findings.length - errors} warning(s)`}
				>
					{report.findings.map((finding, index) => (
						<li key={index} className={`atlas-pg-finding atlas-pg-finding--${finding.severity}`}>
							<p>
								<span
									className={`atlas-verdict atlas-verdict--${finding.severity === 'error' ? 'do-not-retry' : 'depends'}`}
								>
									{finding.severity}
								</span>{' '}
								{finding.line !== null && <span className="atlas-pg-line-ref">line {finding.line}</span>}
								{finding.pointer && (
									<>
										{' '}
										<code>{finding.pointer}</code>
									</>
								)}{' '}
								{finding.message}
							</p>
							<p className="atlas-pg-fix">
								<strong>Fix:</strong> {finding.fix} <span className="atlas-pg-rule">({finding.rule})</span>
							</p>
						</li>
					))}
				</ol>
			)}
		</section>
	);
}
