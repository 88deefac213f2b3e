/**
 * src/snippets/circuit-breaker.ts, as the Giving up well guide shows it: the
 * breaker opens on failures, fails fast while open, lets exactly one probe
 * through when half-open, and closes on its success; the retry budget keeps
 * retries to their share of the traffic.
 */
import { describe, expect, it, vi } from 'vitest';
import {
	breakers,
	CircuitBreaker,
	CircuitOpen,
	RetryBudget,
	tripsBreaker,
	type CircuitBreakerOptions,
} from '../../src/snippets/circuit-breaker.ts';

function clock(start = 1_000_000) {
	let t = start;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

const base = { failureThreshold: 3, windowMs: 10_000, coolDownMs: 5_000 } satisfies CircuitBreakerOptions;

describe('CircuitBreaker', () => {
	it('stays closed below the threshold and opens at it', () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		breaker.failure();
		breaker.failure();
		expect(breaker.state).toBe('closed');
		expect(breaker.tryAcquire()).toBe(true);
		breaker.failure();
		expect(breaker.state).toBe('open');
	});

	it('forgets failures older than the window', () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		breaker.failure();
		breaker.failure();
		time.advance(10_001);
		breaker.failure();
		expect(breaker.state).toBe('closed');
	});

	it('opens on a failure rate once the window has enough calls', () => {
		const time = clock();
		const breaker = new CircuitBreaker({
			...base,
			failureThreshold: 100,
			failureRate: 0.5,
			minimumCalls: 10,
			now: time.now,
		});
		for (let i = 0; i < 5; i++) breaker.success();
		for (let i = 0; i < 4; i++) breaker.failure();
		expect(breaker.state).toBe('closed'); // 4 of 9: too few calls, and below 50%
		breaker.failure();
		expect(breaker.state).toBe('open'); // 5 of 10
	});

	it('rejects fast while open, without calling the dependency', async () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		for (let i = 0; i < 3; i++) breaker.failure();
		const call = vi.fn(() => Promise.resolve('never'));
		const error = await breaker.run(call).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CircuitOpen);
		expect((error as CircuitOpen).retryInMs).toBe(5_000);
		expect(call).not.toHaveBeenCalled();
	});

	it('lets exactly one probe through when half-open, and closes when it succeeds', async () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		for (let i = 0; i < 3; i++) breaker.failure();
		time.advance(4_999);
		expect(breaker.tryAcquire()).toBe(false);
		time.advance(1);
		expect(breaker.state).toBe('half-open');
		expect(breaker.tryAcquire()).toBe(true); // the probe
		expect(breaker.tryAcquire()).toBe(false); // everyone else waits for it
		expect(breaker.tryAcquire()).toBe(false);
		breaker.success();
		expect(breaker.state).toBe('closed');
		expect(breaker.tryAcquire()).toBe(true);
		expect(breaker.tryAcquire()).toBe(true);
	});

	it('opens again for a full cool-down when the probe fails', () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		for (let i = 0; i < 3; i++) breaker.failure();
		time.advance(5_000);
		expect(breaker.tryAcquire()).toBe(true);
		breaker.failure();
		expect(breaker.state).toBe('open');
		time.advance(4_999);
		expect(breaker.tryAcquire()).toBe(false);
		time.advance(1);
		expect(breaker.tryAcquire()).toBe(true);
	});

	it('replaces a probe that never reports after a cool-down', () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		for (let i = 0; i < 3; i++) breaker.failure();
		time.advance(5_000);
		expect(breaker.tryAcquire()).toBe(true);
		time.advance(5_000);
		expect(breaker.tryAcquire()).toBe(true);
	});

	it('does not count errors that are the request’s fault', async () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		const validation = Object.assign(new Error('missing field'), { category: 'validation' });
		const counts = (e: unknown) => tripsBreaker(e as { category: string });
		for (let i = 0; i < 10; i++) await breaker.run(() => Promise.reject(validation), counts).catch(() => undefined);
		expect(breaker.state).toBe('closed');
		const outage = Object.assign(new Error('503'), { category: 'unavailable' });
		for (let i = 0; i < 3; i++) await breaker.run(() => Promise.reject(outage), counts).catch(() => undefined);
		expect(breaker.state).toBe('open');
	});

	it('opens at once for the wait a response names', () => {
		const time = clock();
		const breaker = new CircuitBreaker({ ...base, now: time.now });
		breaker.openFor(120_000); // Retry-After: 120
		expect(breaker.tryAcquire()).toBe(false);
		time.advance(119_999);
		expect(breaker.tryAcquire()).toBe(false);
		time.advance(1);
		expect(breaker.tryAcquire()).toBe(true);
	});

	it('keeps one breaker per dependency and tenant connection', () => {
		const time = clock();
		const breakerFor = breakers({ ...base, now: time.now });
		for (let i = 0; i < 3; i++) breakerFor('hubspot:conn_a').failure();
		expect(breakerFor('hubspot:conn_a').tryAcquire()).toBe(false);
		expect(breakerFor('hubspot:conn_b').tryAcquire()).toBe(true);
		expect(breakerFor('hubspot:conn_a')).toBe(breakerFor('hubspot:conn_a'));
	});
});

describe('tripsBreaker', () => {
	it('counts outages and timeouts, not the caller’s or the credentials’ problems', () => {
		for (const category of ['unavailable', 'timeout', 'internal']) expect(tripsBreaker({ category })).toBe(true);
		for (const category of ['validation', 'not-found', 'conflict', 'authentication', 'permission', 'rate-limit'])
			expect(tripsBreaker({ category })).toBe(false);
	});
});

describe('RetryBudget', () => {
	it('allows a short burst from a full bucket, then denies', () => {
		const time = clock();
		const budget = new RetryBudget({ capacity: 5, ratio: 0.1, minPerSecond: 0, now: time.now });
		for (let i = 0; i < 5; i++) expect(budget.tryRetry()).toBe(true);
		expect(budget.tryRetry()).toBe(false);
	});

	it('denies retries beyond their share of requests', () => {
		const time = clock();
		const budget = new RetryBudget({ capacity: 5, ratio: 0.1, minPerSecond: 0, now: time.now });
		while (budget.tryRetry());
		for (let i = 0; i < 30; i++) budget.request();
		let allowed = 0;
		for (let i = 0; i < 30; i++) if (budget.tryRetry()) allowed++;
		expect(allowed).toBe(3); // 10% of 30 requests
	});

	it('holds retries to about 10% of traffic during an outage where every call fails', () => {
		const time = clock();
		const budget = new RetryBudget({ ratio: 0.1, minPerSecond: 0, capacity: 10, now: time.now });
		let retries = 0;
		for (let i = 0; i < 1_000; i++) {
			budget.request();
			// Every first attempt fails and wants up to three retries.
			for (let r = 0; r < 3 && budget.tryRetry(); r++) retries++;
		}
		expect(retries).toBeLessThanOrEqual(10 + 100);
		expect(retries).toBeGreaterThanOrEqual(100);
	});

	it('refills a small floor over time, so a quiet client can still retry', () => {
		const time = clock();
		const budget = new RetryBudget({ capacity: 2, ratio: 0.1, minPerSecond: 1, now: time.now });
		budget.tryRetry();
		budget.tryRetry();
		expect(budget.tryRetry()).toBe(false);
		time.advance(1_000);
		expect(budget.tryRetry()).toBe(true);
		expect(budget.tryRetry()).toBe(false);
		time.advance(60_000);
		expect(budget.tokens).toBe(2); // never above capacity
	});
});
