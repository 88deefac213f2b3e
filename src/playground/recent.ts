/**
 * Recent cases: the last responses explained, kept only in this browser's
 * `localStorage`, off until the user turns it on, and cleared on request.
 * Each is masked exactly as a shared link is (mask.ts) before it is stored,
 * so no token or address is written to disk in the clear.
 */
import { maskSecrets } from './mask.ts';

export interface RecentCase {
	/** The response, masked. */
	text: string;
	/** What the playground called it: the code's title, or "Not recognised". */
	title: string;
	category: string;
	/** When it was kept, ISO 8601. */
	savedAt: string;
}

export type RecentStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const RECENT_KEY = 'error-atlas:recent-cases';
export const ENABLED_KEY = 'error-atlas:recent-cases-enabled';
/** Enough to get back to this morning's cases; few enough to stay small. */
export const MAX_RECENT = 10;
/** A case bigger than this is not kept: a HAR of megabytes does not belong in localStorage. */
const MAX_CASE_CHARS = 64 * 1024;

/** localStorage can be missing, full or forbidden (private windows): every call here survives that. */
function attempt<T>(run: () => T, fallback: T): T {
	try {
		return run();
	} catch {
		return fallback;
	}
}

function isRecentCase(value: unknown): value is RecentCase {
	if (typeof value !== 'object' || value === null) return false;
	const item = value as Record<string, unknown>;
	return ['text', 'title', 'category', 'savedAt'].every((key) => typeof item[key] === 'string');
}

export function recentEnabled(storage: RecentStorage | undefined): boolean {
	return attempt(() => storage?.getItem(ENABLED_KEY) === 'yes', false);
}

export function setRecentEnabled(storage: RecentStorage | undefined, enabled: boolean): void {
	attempt(() => {
		if (enabled) storage?.setItem(ENABLED_KEY, 'yes');
		else {
			// Turning it off forgets what was kept.
			storage?.removeItem(ENABLED_KEY);
			storage?.removeItem(RECENT_KEY);
		}
	}, undefined);
}

export function loadRecent(storage: RecentStorage | undefined): RecentCase[] {
	return attempt(() => {
		const parsed: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter(isRecentCase).slice(0, MAX_RECENT) : [];
	}, []);
}

/** Keeps a case (masked) at the top of the list, once; returns the new list. Does nothing when turned off. */
export function keepRecent(
	storage: RecentStorage | undefined,
	entry: Omit<RecentCase, 'savedAt' | 'text'> & { text: string },
	now: Date = new Date()
): RecentCase[] {
	const current = loadRecent(storage);
	if (!recentEnabled(storage) || entry.text.trim() === '' || entry.text.length > MAX_CASE_CHARS) return current;
	const text = maskSecrets(entry.text).text;
	const next = [
		{ text, title: entry.title, category: entry.category, savedAt: now.toISOString() },
		...current.filter((item) => item.text !== text),
	].slice(0, MAX_RECENT);
	attempt(() => storage?.setItem(RECENT_KEY, JSON.stringify(next)), undefined);
	return next;
}

export function clearRecent(storage: RecentStorage | undefined): void {
	attempt(() => storage?.removeItem(RECENT_KEY), undefined);
}
