/**
 * A pagination loop that survives a crash and an expired cursor.
 *
 * After each page is fully processed it saves a checkpoint: the cursor for
 * the next page, and the stable key (updated-at time and id) of the last
 * record processed. A rerun resumes from the checkpoint instead of page one.
 * When the saved cursor has expired (Slack's `invalid_cursor`, Square's
 * `INVALID_CURSOR`, an expired Google page token), it lists again from the
 * stable key (an `updated_since`-style query) and skips what it has already
 * seen. When the listing ends, the checkpoint keeps the last key, so the next
 * run only asks for what changed since.
 *
 * Two conditions make this safe, and the code cannot check them for you:
 * - the listing is sorted by the stable key (updated-at, then id), both when
 *   following a cursor and when starting from a key; otherwise the last key
 *   of a page is not a resume point, and you must restart from page one;
 * - `process` is idempotent (an upsert by the source's id). A crash in the
 *   middle of a page repeats that page on the next run.
 */

/** Where a record sits in the listing's order. */
export interface StableKey {
	/** ISO 8601 time of the record's last change. */
	updatedAt: string;
	id: string;
}

export interface Checkpoint {
	/** The cursor for the next page; null to list from `after` (or from the start). */
	cursor: string | null;
	/** The key of the last record fully processed; null before the first page. */
	after: StableKey | null;
}

export interface Page<T> {
	items: T[];
	/** Null or empty on the last page. */
	nextCursor: string | null;
}

export interface PageRequest {
	cursor: string | null;
	/** Set when `cursor` is null: list records at or after this key, sorted by key. */
	after: StableKey | null;
	signal?: AbortSignal;
}

export interface CheckpointStore {
	load(): Promise<Checkpoint | null>;
	/** Must be durable before it returns: a database row, not a variable. */
	save(checkpoint: Checkpoint): Promise<void>;
}

export interface SyncOptions<T> {
	fetchPage: (request: PageRequest) => Promise<Page<T>>;
	/** Applies one record. Must be idempotent: the page in progress at a crash runs again. */
	process: (item: T) => Promise<void>;
	keyOf: (item: T) => StableKey;
	store: CheckpointStore;
	/** Whether `fetchPage` failed because the cursor is expired or no longer valid. */
	isCursorExpired: (error: unknown) => boolean;
	/** Stops between pages (a deadline, a shutdown); the checkpoint stays at the last full page. */
	signal?: AbortSignal;
	/** Order of keys; by default updated-at as a time, then id (numerically when both are integers). */
	compare?: (a: StableKey, b: StableKey) => number;
}

export interface SyncResult {
	pages: number;
	processed: number;
	/** Records skipped because the checkpoint showed them already done. */
	skipped: number;
	/** How many times an expired cursor sent the loop back to the stable key. */
	cursorRestarts: number;
}

export function compareKeys(a: StableKey, b: StableKey): number {
	const byTime = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
	if (byTime !== 0) return byTime;
	if (/^\d+$/.test(a.id) && /^\d+$/.test(b.id)) {
		const x = BigInt(a.id);
		const y = BigInt(b.id);
		return x < y ? -1 : x > y ? 1 : 0;
	}
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sameKey(a: StableKey | null, b: StableKey | null): boolean {
	return a === b || (a !== null && b !== null && a.updatedAt === b.updatedAt && a.id === b.id);
}

export async function syncAll<T>(options: SyncOptions<T>): Promise<SyncResult> {
	const compare = options.compare ?? compareKeys;
	let checkpoint: Checkpoint = (await options.store.load()) ?? { cursor: null, after: null };
	const result: SyncResult = { pages: 0, processed: 0, skipped: 0, cursorRestarts: 0 };
	let restartedAt: StableKey | null | undefined;

	for (;;) {
		if (options.signal?.aborted) throw options.signal.reason;
		let page: Page<T>;
		try {
			page = await options.fetchPage({
				cursor: checkpoint.cursor,
				after: checkpoint.cursor === null ? checkpoint.after : null,
				...(options.signal ? { signal: options.signal } : {}),
			});
		} catch (error) {
			// Only a saved cursor can expire. Fall back to the stable key, not to page one.
			if (checkpoint.cursor === null || !options.isCursorExpired(error)) throw error;
			// A second expiry with no progress since the first would loop forever.
			if (restartedAt !== undefined && sameKey(restartedAt, checkpoint.after)) throw error;
			restartedAt = checkpoint.after;
			checkpoint = { cursor: null, after: checkpoint.after };
			await options.store.save(checkpoint);
			result.cursorRestarts++;
			continue;
		}

		let last = checkpoint.after;
		for (const item of page.items) {
			const key = options.keyOf(item);
			// Listing from a key is usually inclusive (updated_since >= t): skip what is done.
			if (checkpoint.after && compare(key, checkpoint.after) <= 0) {
				result.skipped++;
				continue;
			}
			await options.process(item);
			result.processed++;
			if (!last || compare(key, last) > 0) last = key;
		}

		// The page is done: only now does the checkpoint move past it.
		const nextCursor = page.nextCursor ? page.nextCursor : null;
		checkpoint = { cursor: nextCursor, after: last };
		await options.store.save(checkpoint);
		result.pages++;
		if (nextCursor === null) return result;
	}
}
