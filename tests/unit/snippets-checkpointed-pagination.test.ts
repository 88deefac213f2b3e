/**
 * src/snippets/checkpointed-pagination.ts, as the Timeouts and deadlines guide
 * shows it: a crash resumes at the next page, an expired cursor falls back to
 * the checkpoint's stable key instead of page one, and nothing is processed
 * twice except the page a crash interrupted.
 */
import { describe, expect, it } from 'vitest';
import {
	compareKeys,
	syncAll,
	type Checkpoint,
	type CheckpointStore,
	type Page,
	type PageRequest,
	type StableKey,
} from '../../src/snippets/checkpointed-pagination.ts';

interface Rec {
	id: string;
	updatedAt: string;
}

class CursorExpired extends Error {}

/** 30 records, two per second, sorted by (updatedAt, id): the order the listing must have. */
const records: Rec[] = Array.from({ length: 30 }, (_, i) => ({
	id: String(i + 1),
	updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 2))).toISOString(),
}));

/** A vendor list endpoint: 5 per page, opaque cursors that can be expired, and an inclusive updated_since. */
class FakeApi {
	readonly calls: PageRequest[] = [];
	readonly expired = new Set<string>();
	fetchPage = async (request: PageRequest): Promise<Page<Rec>> => {
		this.calls.push(request);
		let start = 0;
		if (request.cursor !== null) {
			if (this.expired.has(request.cursor)) throw new CursorExpired(request.cursor);
			start = Number(request.cursor.slice('cur_'.length));
		} else if (request.after) {
			// Inclusive, like most updated_since filters: the last processed record comes back.
			const after = request.after;
			start = records.findIndex((r) => compareKeys(r, after) >= 0);
			if (start < 0) start = records.length;
		}
		const items = records.slice(start, start + 5);
		const end = start + items.length;
		return { items, nextCursor: end < records.length ? `cur_${end}` : null };
	};
}

function memoryStore(initial: Checkpoint | null = null) {
	const saved: Checkpoint[] = [];
	let current = initial;
	const store: CheckpointStore = {
		load: async () => current,
		save: async (checkpoint) => {
			current = structuredClone(checkpoint);
			saved.push(current);
		},
	};
	return { store, saved, get: () => current };
}

const keyOf = (r: Rec): StableKey => ({ updatedAt: r.updatedAt, id: r.id });
const isCursorExpired = (e: unknown) => e instanceof CursorExpired;

describe('syncAll', () => {
	it('lists every record once and ends with a checkpoint for the next incremental run', async () => {
		const api = new FakeApi();
		const { store, get } = memoryStore();
		const seen: string[] = [];
		const result = await syncAll({
			fetchPage: api.fetchPage,
			process: async (r) => void seen.push(r.id),
			keyOf,
			store,
			isCursorExpired,
		});
		expect(seen).toEqual(records.map((r) => r.id));
		expect(result).toMatchObject({ pages: 6, processed: 30, cursorRestarts: 0 });
		expect(get()).toEqual({ cursor: null, after: keyOf(records[29]!) });
	});

	it('after a crash following page 3, resumes at page 4 without processing pages 1–3 again', async () => {
		const api = new FakeApi();
		const { store, get } = memoryStore();
		const seen: string[] = [];
		let crash = true;
		const process = async (r: Rec) => {
			if (crash && r.id === '16') throw new Error('worker killed');
			seen.push(r.id);
		};
		await expect(syncAll({ fetchPage: api.fetchPage, process, keyOf, store, isCursorExpired })).rejects.toThrow(
			'worker killed'
		);
		expect(get()).toEqual({ cursor: 'cur_15', after: keyOf(records[14]!) });

		crash = false;
		api.calls.length = 0;
		const result = await syncAll({ fetchPage: api.fetchPage, process, keyOf, store, isCursorExpired });
		expect(api.calls[0]).toMatchObject({ cursor: 'cur_15', after: null });
		expect(seen).toEqual(records.map((r) => r.id));
		expect(result).toMatchObject({ pages: 3, processed: 15, skipped: 0 });
	});

	it('on an expired cursor, lists again from the checkpoint’s stable key, not from page one', async () => {
		const api = new FakeApi();
		const { store } = memoryStore({ cursor: 'cur_15', after: keyOf(records[14]!) });
		api.expired.add('cur_15'); // the run stopped yesterday; the vendor's cursor has gone stale
		const seen: string[] = [];
		const result = await syncAll({
			fetchPage: api.fetchPage,
			process: async (r) => void seen.push(r.id),
			keyOf,
			store,
			isCursorExpired,
		});
		expect(api.calls[1]).toMatchObject({ cursor: null, after: keyOf(records[14]!) });
		expect(api.calls.some((c) => c.cursor === null && c.after === null)).toBe(false); // never page one
		expect(seen).toEqual(records.slice(15).map((r) => r.id)); // no gap, no repeat
		expect(result.cursorRestarts).toBe(1);
		expect(result.skipped).toBe(1); // the inclusive filter sent record 15 back
	});

	it('gives up instead of looping when the cursor keeps expiring without progress', async () => {
		const api = new FakeApi();
		const { store } = memoryStore({ cursor: 'cur_15', after: keyOf(records[14]!) });
		for (let i = 0; i <= 30; i++) api.expired.add(`cur_${i}`);
		const fetchPage = async (request: PageRequest) => {
			const page = await api.fetchPage(request);
			return { items: [] as Rec[], nextCursor: page.nextCursor }; // a listing that makes no progress
		};
		await expect(
			syncAll({ fetchPage, process: async () => undefined, keyOf, store, isCursorExpired })
		).rejects.toBeInstanceOf(CursorExpired);
	});

	it('passes other errors through and leaves the checkpoint at the last full page', async () => {
		const { store, get } = memoryStore({ cursor: 'cur_10', after: keyOf(records[9]!) });
		const fetchPage = async (): Promise<Page<Rec>> => {
			throw new Error('503 Service Unavailable');
		};
		await expect(syncAll({ fetchPage, process: async () => undefined, keyOf, store, isCursorExpired })).rejects.toThrow(
			'503'
		);
		expect(get()).toEqual({ cursor: 'cur_10', after: keyOf(records[9]!) });
	});

	it('repeats the interrupted page: records done before a mid-page crash run again, so process must be idempotent', async () => {
		const api = new FakeApi();
		const { store } = memoryStore();
		const applied = new Map<string, number>();
		let crash = true;
		const process = async (r: Rec) => {
			if (crash && r.id === '13') throw new Error('crash mid-page');
			applied.set(r.id, (applied.get(r.id) ?? 0) + 1);
		};
		await syncAll({ fetchPage: api.fetchPage, process, keyOf, store, isCursorExpired }).catch(() => undefined);
		crash = false;
		await syncAll({ fetchPage: api.fetchPage, process, keyOf, store, isCursorExpired });
		expect(applied.get('11')).toBe(2);
		expect(applied.get('12')).toBe(2);
		expect(applied.get('10')).toBe(1);
		expect(applied.get('16')).toBe(1);
	});

	it('stops between pages when the signal aborts, with the checkpoint at the last full page', async () => {
		const api = new FakeApi();
		const { store, get } = memoryStore();
		const controller = new AbortController();
		const process = async (r: Rec) => {
			if (r.id === '10') controller.abort(new Error('deadline'));
		};
		await expect(
			syncAll({ fetchPage: api.fetchPage, process, keyOf, store, isCursorExpired, signal: controller.signal })
		).rejects.toThrow('deadline');
		expect(get()).toEqual({ cursor: 'cur_10', after: keyOf(records[9]!) });
	});
});

describe('compareKeys', () => {
	it('orders by time, then by id, numerically when ids are integers', () => {
		const t = '2026-01-01T00:00:00.000Z';
		expect(compareKeys({ updatedAt: t, id: '9' }, { updatedAt: t, id: '10' })).toBeLessThan(0);
		expect(compareKeys({ updatedAt: t, id: 'b' }, { updatedAt: t, id: 'a' })).toBeGreaterThan(0);
		expect(compareKeys({ updatedAt: '2026-01-01T00:00:01Z', id: '1' }, { updatedAt: t, id: '99' })).toBeGreaterThan(0);
	});
});
