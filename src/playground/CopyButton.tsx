import { useState } from 'react';

/** Copies `text`, and says so for screen readers too. */
export function CopyButton({ text, label }: { text: string; label: string }) {
	const [copied, setCopied] = useState(false);
	return (
		<button
			type="button"
			className="atlas-pg-copy"
			aria-label={copied ? `${label}: copied` : label}
			onClick={() => {
				void navigator.clipboard?.writeText(text).then(() => {
					setCopied(true);
					setTimeout(() => setCopied(false), 1500);
				});
			}}
		>
			{copied ? 'Copied' : 'Copy'}
		</button>
	);
}
