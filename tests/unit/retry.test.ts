/** The retry helper shown in the retries guide (src/snippets/retry.ts). */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classify, toClassifierData } from '../../src/classifier/index.ts';
import { backoffDelay, GaveUp, withRetries, type HttpResult } from '../../src/snippets/retry.ts';

const { catalog } = await loadCatalog(process.cwd());
const data = toClassifierData(catalog);
/** The helper stands alone; the guide wires it to Error Atlas's classifier like this. */
const explain = (response: HttpResult) => classify(response, data);

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
	status,
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body),
});

/** A fake endpoint that answers from a script, and records the waits. */
function script(...responses: HttpResult[]) {
	const waits: number[] = [];
	let calls = 0;
	return {
		send: async () => responses[Math.min(calls++, responses.length - 1)] as HttpResult,
		sleep: async (ms: number) => {
			waits.push(ms);
		},
		waits,
		calls: () => calls,
	};
}

const retryLater = json(500, {
	type: 'http://www.meaningful.co.nz/limber-sync/retry-later',
	typeCode: 'RETRY_LATER',
	status: 500,
	title: 'Retry later',
	detail: 'Retry later',
});
const ok = json(200, { data: { id: 1 } });

describe('withRetries', () => {
	it('retries SyncHive retry-later with backoff until it succeeds', async () => {
		const endpoint = script(retryLater, retryLater, ok);
		const result = await withRetries(endpoint.send, explain, {
			sleep: endpoint.sleep,
			random: () => 0.5,
			baseDelayMs: 100,
		});
		expect(result.status).toBe(200);
		expect(endpoint.calls()).toBe(3);
		expect(endpoint.waits).toEqual([50, 100]);
	});

	it('waits what Retry-After asks for, never less, with jitter on top', async () => {
		const endpoint = script(json(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' }), ok);
		await withRetries(endpoint.send, explain, { sleep: endpoint.sleep, random: () => 0 });
		expect(endpoint.waits).toEqual([7000]);
		const spread = script(json(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' }), ok);
		await withRetries(spread.send, explain, { sleep: spread.sleep, random: () => 0.5 });
		expect(spread.waits).toEqual([7500]);
	});

	it('never retries what must be fixed first', async () => {
		const endpoint = script(
			json(400, { error: { code: 'missing-params', message: 'Missing required field: contact_id.' } }),
			ok
		);
		await expect(withRetries(endpoint.send, explain, { sleep: endpoint.sleep })).rejects.toBeInstanceOf(GaveUp);
		expect(endpoint.calls()).toBe(1);
	});

	it('retries a failure that may have been carried out only when the request is idempotent', async () => {
		for (const status of [500, 502, 504]) {
			const serverError = json(status, { message: 'Server error' });
			const once = script(serverError, ok);
			await expect(withRetries(once.send, explain, { sleep: once.sleep })).rejects.toBeInstanceOf(GaveUp);
			expect(once.calls(), String(status)).toBe(1);
			const safe = script(serverError, ok);
			expect((await withRetries(safe.send, explain, { sleep: safe.sleep, idempotent: true })).status).toBe(200);
		}
	});

	it('does not sleep through a wait longer than its cap: it gives up at once', async () => {
		const endpoint = script(json(429, { message: 'slow down' }, { 'Retry-After': '3600' }), ok);
		await expect(withRetries(endpoint.send, explain, { sleep: endpoint.sleep })).rejects.toThrow(
			/asks to wait 3600 s, more than the limit/
		);
		expect(endpoint.waits).toEqual([]);
	});

	it('keeps all its waits within the deadline', async () => {
		const endpoint = script(retryLater);
		await expect(
			withRetries(endpoint.send, explain, {
				sleep: endpoint.sleep,
				random: () => 0.999,
				baseDelayMs: 1000,
				deadlineMs: 2500,
				attempts: 10,
			})
		).rejects.toBeInstanceOf(GaveUp);
		expect(endpoint.waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThanOrEqual(2500);
	});

	it('retries a request that got no response only when it is idempotent', async () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		let calls = 0;
		const flaky = async () => {
			calls++;
			if (calls === 1) throw reset;
			return ok;
		};
		const sleep = async () => {};
		expect((await withRetries(flaky, explain, { sleep, idempotent: true })).status).toBe(200);
		calls = 0;
		await expect(withRetries(flaky, explain, { sleep })).rejects.toThrow(/no response/);
		expect(calls).toBe(1);
	});

	it('treats a relayed app failure under HTTP 200 as a failure', async () => {
		const relayFailed = script(json(200, { network_code: '409', output: { message: 'exists' }, _cursor: null }));
		await expect(withRetries(relayFailed.send, explain, { sleep: relayFailed.sleep })).rejects.toBeInstanceOf(GaveUp);
	});

	it('treats an error under HTTP 200 as a failure, and a relayed 200 as a success', async () => {
		const slack = script(json(200, { ok: false, error: 'invalid_auth' }));
		await expect(withRetries(slack.send, explain, { sleep: slack.sleep })).rejects.toThrow(/status 200/);
		const relayOk = script(json(200, { network_code: '200', output: { id: 5 }, _cursor: null }));
		expect((await withRetries(relayOk.send, explain, { sleep: relayOk.sleep })).status).toBe(200);
	});

	it('gives up after the attempt limit', async () => {
		const endpoint = script(retryLater);
		await expect(withRetries(endpoint.send, explain, { sleep: endpoint.sleep, attempts: 3 })).rejects.toThrow(
			/after 3 attempts/
		);
		expect(endpoint.calls()).toBe(3);
	});
});

describe('backoffDelay', () => {
	it('grows exponentially, is capped, and is jittered', () => {
		expect(backoffDelay(0, 100, 1000, () => 0.999)).toBe(99);
		expect(backoffDelay(3, 100, 1000, () => 0.999)).toBe(799);
		expect(backoffDelay(10, 100, 1000, () => 0.999)).toBe(999);
		expect(backoffDelay(10, 100, 1000, () => 0)).toBe(0);
	});
});
