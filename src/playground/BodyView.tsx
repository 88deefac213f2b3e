/**
 * The response body, pretty-printed and highlighted, with the members that
 * decided the verdict marked. Tokens are text nodes in spans: pasted markup
 * is shown, never parsed.
 */
import type { ShownBody } from './protocol.ts';

/** `error.details[].reason` → `reason`: the key to mark in the body. */
export function decidingKeys(fields: readonly string[]): Set<string> {
	const keys = new Set<string>();
	for (const field of fields) {
		const last = field.split('.').pop()?.replace(/\[.*$/, '');
		if (last && /^[\w@$-]+$/.test(last)) keys.add(last);
	}
	return keys;
}

export function BodyView({ body, marked }: { body: ShownBody; marked: Set<string> }) {
	return (
		<figure className="atlas-pg-body">
			<figcaption>
				Body{body.language === 'json' ? ' (JSON, pretty-printed)' : ''}
				{body.truncated
					? `: the first ${body.shownChars.toLocaleString('en')} characters are shown; all of it was classified.`
					: ''}
				{marked.size > 0 && (
					<>
						{' '}
						· <mark>marked</mark> members decided the verdict
					</>
				)}
			</figcaption>
			<pre tabIndex={0} aria-label="Response body">
				<code>
					{body.lines.map((line, lineIndex) => (
						<span className="atlas-pg-line" key={lineIndex}>
							{line.map((token, index) => {
								const style = { color: token.light, '--atlas-dark': token.dark } as React.CSSProperties;
								const key = /^"([^"]+)"$/.exec(token.content.trim())?.[1];
								const isKey =
									key !== undefined &&
									marked.has(key) &&
									(line[index + 1]?.content.trimStart().startsWith(':') ?? false);
								return isKey ? (
									<mark key={index} style={style}>
										{token.content}
									</mark>
								) : (
									<span key={index} style={style}>
										{token.content}
									</span>
								);
							})}
							{'\n'}
						</span>
					))}
				</code>
			</pre>
		</figure>
	);
}
