/**
 * "Copy link": masks secrets first, shows what was masked, and only then
 * offers the link. The case travels in the URL fragment, which browsers
 * never send to a server.
 */
import { useId, useState } from 'react';
import { maskSecrets, type MaskResult } from './mask.ts';
import { inputFragment } from './share.ts';

/** Links much longer than this break in chat apps and some browsers. */
const MAX_LINK = 60_000;

export function SharePanel({ text }: { text: string }) {
	const [masked, setMasked] = useState<MaskResult | null>(null);
	const [copied, setCopied] = useState(false);
	const linkId = useId();
	const link = masked ? `${location.origin}${location.pathname}${inputFragment(masked.text)}` : '';
	return (
		<div className="atlas-pg-share">
			<button
				type="button"
				disabled={text.trim() === ''}
				onClick={() => {
					setMasked(maskSecrets(text));
					setCopied(false);
				}}
			>
				Share this case…
			</button>
			{masked && (
				<div role="region" aria-label="Share link" className="atlas-pg-card">
					{masked.masked.length === 0 ? (
						<p>Nothing looked like a secret or personal data. Check the text yourself before you share it.</p>
					) : (
						<>
							<p>These parts are masked in the shared link:</p>
							<ul className="atlas-pg-masked">
								{masked.masked.map((item, index) => (
									<li key={index}>
										line {item.line}: {item.kind.replace(/-/g, ' ')}, <code>{item.preview}</code>
									</li>
								))}
							</ul>
						</>
					)}
					{link.length > MAX_LINK ? (
						<p>
							This response is too long to share as a link ({Math.round(link.length / 1024)} kB). Share the file
							instead.
						</p>
					) : (
						<>
							<label htmlFor={linkId}>
								Link (the response is in the part after #, which is never sent to a server)
							</label>
							<input id={linkId} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
							<button
								type="button"
								onClick={() => {
									void navigator.clipboard?.writeText(link).then(() => setCopied(true));
								}}
							>
								{copied ? 'Link copied' : 'Copy link'}
							</button>
						</>
					)}
				</div>
			)}
		</div>
	);
}
