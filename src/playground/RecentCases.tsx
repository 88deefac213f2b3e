/**
 * "Recent cases": off by default; when on, the cases explained here are
 * kept in this browser only, masked (recent.ts), and can be reopened or
 * cleared. Nothing is sent anywhere.
 */
import { useEffect, useId, useState } from 'react';
import {
	clearRecent,
	keepRecent,
	loadRecent,
	recentEnabled,
	setRecentEnabled,
	type RecentCase,
	type RecentStorage,
} from './recent.ts';

/** A case is kept once it has stood still this long: not every keystroke of a paste being edited. */
const SETTLE_MS = 2000;

function browserStorage(): RecentStorage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

interface Props {
	/** The case on screen, once explained. */
	current: { text: string; title: string; category: string } | undefined;
	onOpen: (text: string) => void;
}

export function RecentCases({ current, onOpen }: Props) {
	const storage = browserStorage();
	const [enabled, setEnabled] = useState(() => recentEnabled(storage));
	const [cases, setCases] = useState<RecentCase[]>(() => loadRecent(storage));
	const toggleId = useId();

	useEffect(() => {
		if (!enabled || !current) return;
		const timer = setTimeout(() => setCases(keepRecent(storage, current)), SETTLE_MS);
		return () => clearTimeout(timer);
	}, [enabled, current?.text, current?.title]);

	return (
		<details className="atlas-pg-recent">
			<summary>Recent cases{enabled && cases.length > 0 ? ` (${cases.length})` : ''}</summary>
			<p>
				<input
					id={toggleId}
					type="checkbox"
					checked={enabled}
					onChange={(event) => {
						setRecentEnabled(storage, event.target.checked);
						setEnabled(event.target.checked);
						setCases(loadRecent(storage));
					}}
				/>{' '}
				<label htmlFor={toggleId}>Keep my recent cases in this browser, masked as in shared links</label>
			</p>
			{enabled && cases.length === 0 && <p>No case kept yet: each one you explain is kept after a moment.</p>}
			{enabled && cases.length > 0 && (
				<>
					<ul>
						{cases.map((item) => (
							<li key={item.savedAt + item.text.slice(0, 40)}>
								<button type="button" className="atlas-pg-recent-open" onClick={() => onOpen(item.text)}>
									{item.title}
								</button>{' '}
								<span className="atlas-pg-rule">
									{item.category} · <time dateTime={item.savedAt}>{item.savedAt.slice(0, 16).replace('T', ' ')}</time>
								</span>
							</li>
						))}
					</ul>
					<button
						type="button"
						onClick={() => {
							clearRecent(storage);
							setCases([]);
						}}
					>
						Clear recent cases
					</button>
				</>
			)}
		</details>
	);
}
