/**
 * The webhook receiver snippet (src/snippets/webhooks.ts), shown in the
 * "Receiving webhooks" guide: what a reader copies must reject what the
 * guide says it rejects.
 */
import { describe, expect, it, vi } from 'vitest';
import {
	applyIfNewer,
	MemoryDedupeStore,
	processOnce,
	signWebhook,
	timingSafeEqual,
	verifyWebhook,
	type VersionedState,
} from '../../src/snippets/webhooks.ts';

// The signing test vector of the Standard Webhooks JavaScript library.
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const timestamp = 1614265330;
const body = '{"test": 2432232314}';
const at = (seconds: number) => () => seconds * 1000;

async function delivery(rawBody: string = body, ts: number = timestamp) {
	return {
		'webhook-id': id,
		'webhook-timestamp': String(ts),
		'webhook-signature': await signWebhook(id, ts, rawBody, secret),
	};
}

describe('verifyWebhook', () => {
	it('signs like the Standard Webhooks reference library', async () => {
		expect(await signWebhook(id, timestamp, body, secret)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
	});

	it('accepts a valid signature, from a plain object or Fetch Headers, on bytes or text', async () => {
		const headers = await delivery();
		expect(await verifyWebhook(body, headers, secret, { now: at(timestamp) })).toEqual({ ok: true, id, timestamp });
		const bytes = new TextEncoder().encode(body);
		expect((await verifyWebhook(bytes, new Headers(headers), secret, { now: at(timestamp + 10) })).ok).toBe(true);
	});

	it('rejects a body changed by one byte', async () => {
		const headers = await delivery();
		const tampered = body.replace('2432232314', '2432232315');
		expect(await verifyWebhook(tampered, headers, secret, { now: at(timestamp) })).toEqual({
			ok: false,
			reason: 'no-matching-signature',
		});
	});

	it('rejects the same JSON re-serialised, which is why it must see the raw body', async () => {
		const headers = await delivery();
		const reserialised = JSON.stringify(JSON.parse(body));
		expect(reserialised).not.toBe(body);
		expect((await verifyWebhook(reserialised, headers, secret, { now: at(timestamp) })).ok).toBe(false);
	});

	it('rejects a timestamp outside the tolerance, either way, even with a valid signature', async () => {
		const headers = await delivery();
		expect(await verifyWebhook(body, headers, secret, { now: at(timestamp + 301) })).toEqual({
			ok: false,
			reason: 'too-old',
		});
		expect(await verifyWebhook(body, headers, secret, { now: at(timestamp - 301) })).toEqual({
			ok: false,
			reason: 'too-new',
		});
		expect((await verifyWebhook(body, headers, secret, { now: at(timestamp + 300) })).ok).toBe(true);
	});

	it('rejects a valid old delivery replayed with a fresh timestamp', async () => {
		const headers = { ...(await delivery()), 'webhook-timestamp': String(timestamp + 3600) };
		expect((await verifyWebhook(body, headers, secret, { now: at(timestamp + 3600) })).ok).toBe(false);
	});

	it('rejects a wrong secret, missing headers and a non-numeric timestamp', async () => {
		const headers = await delivery();
		const other = 'whsec_' + btoa('another secret of enough length!');
		expect((await verifyWebhook(body, headers, other, { now: at(timestamp) })).ok).toBe(false);
		const { 'webhook-signature': _dropped, ...unsigned } = headers;
		expect(await verifyWebhook(body, unsigned, secret, { now: at(timestamp) })).toEqual({
			ok: false,
			reason: 'missing-headers',
		});
		expect(
			await verifyWebhook(body, { ...headers, 'webhook-timestamp': '1614265330.5' }, secret, { now: at(timestamp) })
		).toEqual({ ok: false, reason: 'bad-timestamp' });
	});

	it('accepts one valid signature among several (secret rotation) and ignores other schemes', async () => {
		const headers = await delivery();
		const list = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1a,AAAA ${headers['webhook-signature']} v1,!!!`;
		const result = await verifyWebhook(body, { ...headers, 'webhook-signature': list }, secret, { now: at(timestamp) });
		expect(result.ok).toBe(true);
		const onlyOthers = 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,' + headers['webhook-signature'].slice(3);
		expect(
			(await verifyWebhook(body, { ...headers, 'webhook-signature': onlyOthers }, secret, { now: at(timestamp) })).ok
		).toBe(false);
	});

	it('does not accept a truncated signature', async () => {
		const headers = await delivery();
		const truncated = headers['webhook-signature'].slice(0, 20);
		expect(
			(await verifyWebhook(body, { ...headers, 'webhook-signature': truncated }, secret, { now: at(timestamp) })).ok
		).toBe(false);
	});
});

describe('timingSafeEqual', () => {
	it('compares bytes, and lengths first', () => {
		expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
		expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
		expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
	});
});

describe('processOnce', () => {
	it('processes a duplicate event id once', async () => {
		const store = new MemoryDedupeStore();
		const work = vi.fn(async () => {});
		expect(await processOnce(store, 'evt_1', work)).toBe('processed');
		expect(await processOnce(store, 'evt_1', work)).toBe('duplicate');
		expect(await processOnce(store, 'evt_2', work)).toBe('processed');
		expect(work).toHaveBeenCalledTimes(2);
	});

	it('lets only one of two concurrent deliveries of the same event run', async () => {
		const store = new MemoryDedupeStore();
		let runs = 0;
		const work = async () => {
			runs++;
			await new Promise((resolve) => setTimeout(resolve, 5));
		};
		const results = await Promise.all([processOnce(store, 'evt_1', work), processOnce(store, 'evt_1', work)]);
		expect(results.sort()).toEqual(['duplicate', 'processed']);
		expect(runs).toBe(1);
	});

	it('releases the claim when the work fails, so the redelivery is processed', async () => {
		const store = new MemoryDedupeStore();
		await expect(
			processOnce(store, 'evt_1', async () => {
				throw new Error('database down');
			})
		).rejects.toThrow('database down');
		const work = vi.fn(async () => {});
		expect(await processOnce(store, 'evt_1', work)).toBe('processed');
		expect(work).toHaveBeenCalledOnce();
	});

	it('forgets an id after its time to live', async () => {
		let now = 0;
		const store = new MemoryDedupeStore(() => now);
		expect(await store.claim('evt_1', 60)).toBe(true);
		now = 59_000;
		expect(await store.claim('evt_1', 60)).toBe(false);
		now = 60_001;
		expect(await store.claim('evt_1', 60)).toBe(true);
	});
});

describe('applyIfNewer', () => {
	type Subscription = { status: 'active' | 'canceled' };
	const renewed: VersionedState<Subscription> = { version: 1_700_000_200_000, value: { status: 'active' } };
	const cancelled: VersionedState<Subscription> = { version: 1_700_000_100_000, value: { status: 'canceled' } };

	it('does not let an older event overwrite a newer state', () => {
		const first = applyIfNewer(undefined, renewed);
		expect(first.applied).toBe(true);
		const late = applyIfNewer(first.state, cancelled);
		expect(late).toEqual({ applied: false, state: renewed });
	});

	it('applies a newer state, and treats the same version again as a no-op', () => {
		expect(applyIfNewer(cancelled, renewed)).toEqual({ applied: true, state: renewed });
		expect(applyIfNewer(renewed, { ...renewed, value: { status: 'canceled' } }).applied).toBe(false);
	});
});
