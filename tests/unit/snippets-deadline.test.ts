/**
 * src/snippets/deadline.ts, as the Timeouts and deadlines guide shows it: each
 * attempt has its own timeout, the deadline cuts the last attempt, and no wait
 * runs past the deadline.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	AttemptTimedOut,
	DeadlineExceeded,
	retryWithin,
	withDeadline,
	type RetryWithinOptions,
} from '../../src/snippets/deadline.ts';

/** A call that never answers by itself and rejects with the signal's reason when aborted, as fetch() does. */
function hang(signal: AbortSignal): Promise<never> {
	return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('withDeadline', () => {
	it('counts the time left down to zero, never below', () => {
		const deadline = withDeadline(1_000);
		expect(deadline.remaining()).toBe(1_000);
		vi.advanceTimersByTime(400);
		expect(deadline.remaining()).toBe(600);
		vi.advanceTimersByTime(5_000);
		expect(deadline.remaining()).toBe(0);
		expect(deadline.expired()).toBe(true);
		expect(() => deadline.check()).toThrow(DeadlineExceeded);
	});

	it('aborts an attempt at its own timeout when the budget is larger', async () => {
		const deadline = withDeadline(10_000);
		const attempt = deadline.attempt(2_000);
		expect(attempt.timeoutMs).toBe(2_000);
		const outcome = hang(attempt.signal).catch((error: unknown) => error);
		vi.advanceTimersByTime(1_999);
		expect(attempt.signal.aborted).toBe(false);
		vi.advanceTimersByTime(1);
		const error = await outcome;
		expect(error).toBeInstanceOf(AttemptTimedOut);
		expect(deadline.remaining()).toBe(8_000);
		attempt.dispose();
	});

	it('cuts the last attempt at the overall deadline, not at its own timeout', async () => {
		const deadline = withDeadline(5_000);
		vi.advanceTimersByTime(4_000);
		const attempt = deadline.attempt(2_000);
		expect(attempt.timeoutMs).toBe(1_000);
		const outcome = hang(attempt.signal).catch((error: unknown) => error);
		vi.advanceTimersByTime(1_000);
		expect(await outcome).toBeInstanceOf(DeadlineExceeded);
		attempt.dispose();
	});

	it('gives an attempt started after the deadline an already aborted signal', () => {
		const deadline = withDeadline(100);
		vi.advanceTimersByTime(200);
		const attempt = deadline.attempt(1_000);
		expect(attempt.signal.aborted).toBe(true);
		expect(attempt.signal.reason).toBeInstanceOf(DeadlineExceeded);
		attempt.dispose();
	});

	it('does not fire after dispose', () => {
		const deadline = withDeadline(10_000);
		const attempt = deadline.attempt(1_000);
		attempt.dispose();
		vi.advanceTimersByTime(2_000);
		expect(attempt.signal.aborted).toBe(false);
	});

	it('sleeps a wait that fits in the budget', async () => {
		const deadline = withDeadline(10_000);
		let woke = false;
		const sleeping = deadline.sleep(3_000).then(() => (woke = true));
		await vi.advanceTimersByTimeAsync(2_999);
		expect(woke).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		await sleeping;
		expect(woke).toBe(true);
	});

	it('rejects at once, without sleeping, when the wait is longer than the time left', async () => {
		const deadline = withDeadline(1_000);
		const started = Date.now();
		await expect(deadline.sleep(30_000)).rejects.toBeInstanceOf(DeadlineExceeded);
		expect(Date.now() - started).toBe(0);
		// A wait that uses up exactly what is left leaves nothing for the next attempt either.
		await expect(deadline.sleep(1_000)).rejects.toBeInstanceOf(DeadlineExceeded);
	});

	it('wakes a sleep early when the caller cancels', async () => {
		const controller = new AbortController();
		const deadline = withDeadline(60_000, { signal: controller.signal });
		const sleeping = deadline.sleep(10_000).catch((error: unknown) => error);
		await vi.advanceTimersByTimeAsync(100);
		controller.abort(new Error('shutting down'));
		expect(await sleeping).toEqual(new Error('shutting down'));
	});

	it('aborts running attempts when the caller cancels', async () => {
		const controller = new AbortController();
		const deadline = withDeadline(60_000, { signal: controller.signal });
		const attempt = deadline.attempt(10_000);
		controller.abort(new Error('user navigated away'));
		expect(attempt.signal.aborted).toBe(true);
		expect(attempt.signal.reason).toEqual(new Error('user navigated away'));
		attempt.dispose();
	});
});

describe('retryWithin', () => {
	const options: RetryWithinOptions = {
		attempts: 5,
		perAttemptMs: 2_000,
		delayMs: () => 500,
		retryable: (error) => error instanceof AttemptTimedOut,
	};

	it('retries a timed-out attempt and returns the first success', async () => {
		const deadline = withDeadline(10_000);
		const result = retryWithin(deadline, options, (signal, attempt) =>
			attempt < 3 ? hang(signal) : Promise.resolve(`ok on attempt ${attempt}`)
		);
		await vi.advanceTimersByTimeAsync(2_000 + 500 + 2_000 + 500);
		await expect(result).resolves.toBe('ok on attempt 3');
	});

	it('stops at the deadline even with attempts left, and the last attempt is cut short', async () => {
		const deadline = withDeadline(5_000);
		const seen: number[] = [];
		const result = retryWithin(deadline, options, (signal, attempt) => {
			seen.push(attempt);
			return hang(signal);
		}).catch((error: unknown) => error);
		// 2 000 + 500 + 2 000 + 500 = 5 000: the third attempt would start with no time left.
		await vi.advanceTimersByTimeAsync(5_000);
		expect(await result).toBeInstanceOf(DeadlineExceeded);
		expect(seen).toEqual([1, 2]);
		expect(Date.now()).toBeLessThanOrEqual(deadline.at);
	});

	it('does not sleep into the deadline: gives up when the backoff would pass it', async () => {
		const deadline = withDeadline(3_000);
		const result = retryWithin(deadline, { ...options, delayMs: () => 10_000 }, (signal) => hang(signal)).catch(
			(error: unknown) => error
		);
		await vi.advanceTimersByTimeAsync(2_000);
		expect(await result).toBeInstanceOf(DeadlineExceeded);
		expect(Date.now()).toBe(deadline.at - 1_000);
	});

	it('does not retry what the caller says is not retryable (a write that may have been applied)', async () => {
		const deadline = withDeadline(10_000);
		const write = vi.fn((signal: AbortSignal) => hang(signal));
		const result = retryWithin(deadline, { ...options, retryable: () => false }, write).catch(
			(error: unknown) => error
		);
		await vi.advanceTimersByTimeAsync(2_000);
		expect(await result).toBeInstanceOf(AttemptTimedOut);
		expect(write).toHaveBeenCalledTimes(1);
	});

	it('gives up after the last attempt', async () => {
		const deadline = withDeadline(60_000);
		const fail = vi.fn(() => Promise.reject(new AttemptTimedOut(1)));
		const result = retryWithin(deadline, { ...options, attempts: 3 }, fail).catch((error: unknown) => error);
		await vi.advanceTimersByTimeAsync(2_000);
		expect(await result).toBeInstanceOf(AttemptTimedOut);
		expect(fail).toHaveBeenCalledTimes(3);
	});
});
