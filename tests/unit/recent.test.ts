/** Recent cases in the playground: off by default, masked, capped, clearable, and never a crash. */
import { describe, expect, it } from 'vitest';
import {
	clearRecent,
	keepRecent,
	loadRecent,
	MAX_RECENT,
	RECENT_KEY,
	recentEnabled,
	setRecentEnabled,
	type RecentStorage,
} from '../../src/playground/recent.ts';

function memoryStorage(): RecentStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key),
	};
}

const token = ['sk', 'live', '51H8aZ2eZvKYlo2C0aBcDeFgHiJkLmNoP'].join('_');
const response = `HTTP/1.1 401 Unauthorized\nAuthorization: Bearer ${token}\n\n{"error":{"message":"Invalid API Key provided: ${token}"}}`;

describe('recent cases', () => {
	it('keeps nothing until turned on', () => {
		const storage = memoryStorage();
		expect(recentEnabled(storage)).toBe(false);
		expect(keepRecent(storage, { text: response, title: 'Invalid API key', category: 'authentication' })).toEqual([]);
		expect(storage.data.size).toBe(0);
	});

	it('stores a case masked, newest first, once, and at most ten', () => {
		const storage = memoryStorage();
		setRecentEnabled(storage, true);
		keepRecent(storage, { text: response, title: 'Invalid API key', category: 'authentication' });
		expect(storage.data.get(RECENT_KEY)).not.toContain(token);
		expect(loadRecent(storage)[0]?.text).toContain('«masked»');
		keepRecent(storage, { text: response, title: 'Invalid API key', category: 'authentication' });
		expect(loadRecent(storage)).toHaveLength(1);
		for (let index = 0; index < 15; index++)
			keepRecent(storage, { text: `{"message":"case ${index}"}`, title: `Case ${index}`, category: 'unknown' });
		const kept = loadRecent(storage);
		expect(kept).toHaveLength(MAX_RECENT);
		expect(kept[0]?.title).toBe('Case 14');
	});

	it('forgets everything when cleared or turned off', () => {
		const storage = memoryStorage();
		setRecentEnabled(storage, true);
		keepRecent(storage, { text: '{"a":1}', title: 'A', category: 'unknown' });
		clearRecent(storage);
		expect(loadRecent(storage)).toEqual([]);
		keepRecent(storage, { text: '{"a":1}', title: 'A', category: 'unknown' });
		setRecentEnabled(storage, false);
		expect(storage.data.size).toBe(0);
	});

	it('survives a missing, full or tampered storage', () => {
		const broken: RecentStorage = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => {
				throw new Error('SecurityError');
			},
		};
		expect(loadRecent(broken)).toEqual([]);
		expect(() => setRecentEnabled(broken, true)).not.toThrow();
		expect(loadRecent(undefined)).toEqual([]);
		const tampered = memoryStorage();
		tampered.data.set(RECENT_KEY, '[{"text":1},"x",{"text":"t","title":"T","category":"c","savedAt":"s"}]');
		expect(loadRecent(tampered)).toHaveLength(1);
	});
});
