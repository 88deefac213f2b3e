/**
 * A deadline for a whole operation, and a timeout for each attempt inside it.
 *
 * `withDeadline(totalMs)` starts the clock once. Every attempt gets an
 * `AbortSignal` that fires at its own timeout or at the deadline, whichever
 * comes first, so the last attempt is cut short instead of running past the
 * budget. `sleep()` between attempts never waits past the deadline: when the
 * wait would use up what is left, it rejects at once with `DeadlineExceeded`,
 * because there would be no time left for another attempt anyway.
 *
 * Standard Web and Node APIs only (setTimeout, AbortController), so it runs in
 * Node 18+, Deno, Bun, workers and browsers.
 */

/** The whole operation ran out of time. */
export class DeadlineExceeded extends Error {
	override readonly name = 'DeadlineExceeded';
	constructor(message = 'The deadline for the operation has passed') {
		super(message);
	}
}

/** One attempt ran out of its own time; the operation may still have budget for another. */
export class AttemptTimedOut extends Error {
	override readonly name = 'AttemptTimedOut';
	readonly timeoutMs: number;
	constructor(timeoutMs: number) {
		super(`The attempt took longer than ${timeoutMs} ms`);
		this.timeoutMs = timeoutMs;
	}
}

export interface AttemptSignal {
	/** Pass this to fetch() or your client: it aborts with `AttemptTimedOut` or `DeadlineExceeded` as its reason. */
	readonly signal: AbortSignal;
	/** Milliseconds this attempt was given: min(per-attempt timeout, time left). */
	readonly timeoutMs: number;
	/** Clears the timer. Call it when the attempt ends, success or not. */
	dispose(): void;
}

export interface Deadline {
	/** The absolute deadline, in the clock's milliseconds (Date.now() by default). */
	readonly at: number;
	/** Milliseconds left, never below zero. Pass it down as the next call's budget. */
	remaining(): number;
	expired(): boolean;
	/** Throws `DeadlineExceeded` when no time is left; call it before starting work. */
	check(): void;
	/** A signal for one attempt that fires at min(perAttemptMs, remaining()). */
	attempt(perAttemptMs: number): AttemptSignal;
	/**
	 * Waits `ms`, or rejects with `DeadlineExceeded` at once when `ms` would use up
	 * the time left. Rejects with the signal's reason if `signal` aborts first.
	 */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface DeadlineOptions {
	/** Aborting this (the caller's own cancellation) aborts every attempt and sleep. */
	signal?: AbortSignal;
	/** Injected for tests; real code uses Date.now. */
	now?: () => number;
}

export function withDeadline(totalMs: number, options: DeadlineOptions = {}): Deadline {
	const now = options.now ?? Date.now;
	const parent = options.signal;
	const at = now() + Math.max(0, totalMs);
	const remaining = () => Math.max(0, at - now());

	return {
		at,
		remaining,
		expired: () => remaining() === 0,
		check() {
			if (parent?.aborted) throw parent.reason;
			if (remaining() === 0) throw new DeadlineExceeded();
		},
		attempt(perAttemptMs: number): AttemptSignal {
			const controller = new AbortController();
			const left = remaining();
			// The deadline wins a tie: that attempt was the last one possible.
			const cutByDeadline = left <= perAttemptMs;
			const timeoutMs = Math.max(0, Math.min(perAttemptMs, left));
			const onParentAbort = () => controller.abort(parent?.reason);
			const timer = setTimeout(
				() => controller.abort(cutByDeadline ? new DeadlineExceeded() : new AttemptTimedOut(timeoutMs)),
				timeoutMs
			);
			if (parent?.aborted) controller.abort(parent.reason);
			else parent?.addEventListener('abort', onParentAbort, { once: true });
			if (left === 0) controller.abort(new DeadlineExceeded());
			return {
				signal: controller.signal,
				timeoutMs,
				dispose() {
					clearTimeout(timer);
					parent?.removeEventListener('abort', onParentAbort);
				},
			};
		},
		sleep(ms: number, signal?: AbortSignal): Promise<void> {
			return new Promise<void>((resolve, reject) => {
				const stop = [signal, parent].find((s) => s?.aborted);
				if (stop) return reject(stop.reason);
				// Sleeping until (or past) the deadline leaves no time for the next attempt: give up now.
				if (ms >= remaining()) return reject(new DeadlineExceeded(`Waiting ${ms} ms would pass the deadline`));
				const onAbort = (event: Event) => {
					clearTimeout(timer);
					cleanup();
					reject((event.target as AbortSignal).reason);
				};
				const cleanup = () => {
					signal?.removeEventListener('abort', onAbort);
					parent?.removeEventListener('abort', onAbort);
				};
				const timer = setTimeout(
					() => {
						cleanup();
						resolve();
					},
					Math.max(0, ms)
				);
				signal?.addEventListener('abort', onAbort, { once: true });
				parent?.addEventListener('abort', onAbort, { once: true });
			});
		},
	};
}

export interface RetryWithinOptions {
	/** Attempts in all, the first included. Count them at one layer only. */
	attempts: number;
	/** Timeout of each attempt; the deadline may cut the last one shorter. */
	perAttemptMs: number;
	/** The wait before attempt `n + 1` (n from 1), e.g. capped exponential backoff with jitter. */
	delayMs: (attempt: number) => number;
	/**
	 * Whether this failure is worth another attempt. Say false for a write that
	 * may have been applied (a timeout, a 500, a 504) unless it is idempotent or
	 * carries an idempotency key created before the first attempt.
	 */
	retryable: (error: unknown) => boolean;
}

/**
 * Runs `run` until it succeeds, a failure is not retryable, the attempts are
 * used up, or the deadline passes. `run` gets the attempt's signal, which it
 * must pass on (to fetch, or to the next layer along with `deadline.remaining()`).
 */
export async function retryWithin<T>(
	deadline: Deadline,
	options: RetryWithinOptions,
	run: (signal: AbortSignal, attempt: number) => Promise<T>
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		deadline.check();
		const { signal, dispose } = deadline.attempt(options.perAttemptMs);
		let failure: unknown;
		try {
			return await run(signal, attempt);
		} catch (error) {
			// An abort shows up as whatever `run` threw; the signal's reason says which timer fired.
			failure = signal.aborted ? signal.reason : error;
		} finally {
			dispose();
		}
		// The deadline passed, or the caller cancelled: no further attempt.
		if (signal.aborted && !(failure instanceof AttemptTimedOut)) throw failure;
		if (attempt >= options.attempts || !options.retryable(failure)) throw failure;
		await deadline.sleep(options.delayMs(attempt));
	}
}
