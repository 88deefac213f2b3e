/**
 * Two brakes on retries, for code that calls one dependency many times.
 *
 * - `CircuitBreaker`: closed (calls go through) → open after too many failures
 *   in a time window, or too high a failure rate (calls fail fast without
 *   touching the dependency) → half-open after a cool-down, when exactly one
 *   probe call goes through. The probe's success closes the circuit; its
 *   failure opens it again for another cool-down.
 * - `RetryBudget`: a token bucket that lets retries add at most a share of the
 *   traffic (10% by default), plus a small floor so a quiet client can still
 *   retry. First attempts are never limited by it; retries are.
 *
 * Keep one breaker per dependency, and per tenant connection where tenants
 * have their own credentials or instances (`breakers()` below), so one
 * customer's revoked token or broken instance does not block the others.
 *
 * No dependencies; the clock is injectable for tests.
 */

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
	/** Open after this many failures inside `windowMs`. */
	failureThreshold: number;
	/** Also open when failures / calls inside `windowMs` reach this rate (0–1)… */
	failureRate?: number;
	/** …once the window holds at least this many calls. */
	minimumCalls?: number;
	/** How far back failures count, in milliseconds. */
	windowMs: number;
	/** How long to stay open before letting one probe through, in milliseconds. */
	coolDownMs: number;
	now?: () => number;
}

/** Thrown instead of calling the dependency while the circuit is open. */
export class CircuitOpen extends Error {
	override readonly name = 'CircuitOpen';
	/** When a probe will be allowed, in milliseconds from now. */
	readonly retryInMs: number;
	constructor(retryInMs: number) {
		super(`Circuit open: not calling the dependency for another ${retryInMs} ms`);
		this.retryInMs = retryInMs;
	}
}

export class CircuitBreaker {
	readonly #options: Required<Omit<CircuitBreakerOptions, 'failureRate'>> & { failureRate: number | undefined };
	#state: CircuitState = 'closed';
	#outcomes: { at: number; ok: boolean }[] = [];
	#openedAt = 0;
	#openForMs = 0;
	#probeStartedAt: number | null = null;

	constructor(options: CircuitBreakerOptions) {
		this.#options = {
			failureThreshold: options.failureThreshold,
			failureRate: options.failureRate,
			minimumCalls: options.minimumCalls ?? 10,
			windowMs: options.windowMs,
			coolDownMs: options.coolDownMs,
			now: options.now ?? Date.now,
		};
	}

	get state(): CircuitState {
		if (this.#state === 'open' && this.#options.now() - this.#openedAt >= this.#openForMs) return 'half-open';
		return this.#state;
	}

	/**
	 * Ask before each call. True: make the call, then report `success()` or
	 * `failure()`. False: fail fast. While half-open, only one caller at a time
	 * gets true (the probe); a probe that never reports is replaced after a cool-down.
	 */
	tryAcquire(): boolean {
		const now = this.#options.now();
		const state = this.state;
		if (state === 'closed') return true;
		if (state === 'open') return false;
		if (this.#probeStartedAt !== null && now - this.#probeStartedAt < this.#options.coolDownMs) return false;
		this.#state = 'half-open';
		this.#probeStartedAt = now;
		return true;
	}

	success(): void {
		if (this.#state === 'half-open') {
			this.#close();
			return;
		}
		this.#record(true);
	}

	failure(): void {
		if (this.#state === 'half-open') {
			this.#open(this.#options.coolDownMs);
			return;
		}
		this.#record(false);
		const now = this.#options.now();
		const window = this.#outcomes.filter((o) => now - o.at < this.#options.windowMs);
		const failures = window.filter((o) => !o.ok).length;
		const rate = this.#options.failureRate;
		const tooMany = failures >= this.#options.failureThreshold;
		const tooHigh =
			rate !== undefined && window.length >= this.#options.minimumCalls && failures / window.length >= rate;
		if (this.#state === 'closed' && (tooMany || tooHigh)) this.#open(this.#options.coolDownMs);
	}

	/**
	 * Opens the circuit at once for `ms`: for an answer that says how long to stay
	 * away (a 429 or 503 with Retry-After, SyncHive's pause-integration).
	 */
	openFor(ms: number): void {
		this.#open(ms);
	}

	/**
	 * Runs `call` through the breaker. `countsAsFailure` decides which errors say
	 * the dependency is unhealthy; a validation error or a 404 is your request's
	 * fault and should not open the circuit.
	 */
	async run<T>(call: () => Promise<T>, countsAsFailure: (error: unknown) => boolean = () => true): Promise<T> {
		if (!this.tryAcquire()) throw new CircuitOpen(this.#retryInMs());
		try {
			const result = await call();
			this.success();
			return result;
		} catch (error) {
			if (countsAsFailure(error)) this.failure();
			else this.success();
			throw error;
		}
	}

	#record(ok: boolean): void {
		const now = this.#options.now();
		this.#outcomes.push({ at: now, ok });
		this.#outcomes = this.#outcomes.filter((o) => now - o.at < this.#options.windowMs);
	}

	#open(ms: number): void {
		this.#state = 'open';
		this.#openedAt = this.#options.now();
		this.#openForMs = ms;
		this.#probeStartedAt = null;
	}

	#close(): void {
		this.#state = 'closed';
		this.#outcomes = [];
		this.#probeStartedAt = null;
	}

	#retryInMs(): number {
		const left = this.#openForMs - (this.#options.now() - this.#openedAt);
		return Math.max(0, left > 0 ? left : this.#options.coolDownMs);
	}
}

/**
 * Whether a classified failure says the dependency itself is unhealthy. Only
 * these should count towards opening a circuit; the rest are about your
 * request (validation, not-found, conflict) or your credentials
 * (authentication, permission), and a breaker would only hide them.
 */
export function tripsBreaker(verdict: { category: string }): boolean {
	return verdict.category === 'unavailable' || verdict.category === 'timeout' || verdict.category === 'internal';
}

/** One breaker per key: `${dependency}` or `${dependency}:${connectionId}`. */
export function breakers(options: CircuitBreakerOptions): (key: string) => CircuitBreaker {
	const byKey = new Map<string, CircuitBreaker>();
	return (key) => {
		let breaker = byKey.get(key);
		if (!breaker) byKey.set(key, (breaker = new CircuitBreaker(options)));
		return breaker;
	};
}

export interface RetryBudgetOptions {
	/** Tokens each first attempt adds: 0.1 lets retries be at most 10% of requests. */
	ratio?: number;
	/** Tokens added per second whatever the traffic, so a quiet client can still retry. */
	minPerSecond?: number;
	/** Most tokens the bucket holds; also what it starts with. */
	capacity?: number;
	now?: () => number;
}

/**
 * A retry budget as a token bucket. Call `request()` for every first attempt
 * and `tryRetry()` before every retry; a false answer means give up now (and
 * dead-letter or report), not wait and ask again in a loop.
 */
export class RetryBudget {
	readonly #ratio: number;
	readonly #minPerSecond: number;
	readonly #capacity: number;
	readonly #now: () => number;
	#tokens: number;
	#refilledAt: number;

	constructor(options: RetryBudgetOptions = {}) {
		this.#ratio = options.ratio ?? 0.1;
		this.#minPerSecond = options.minPerSecond ?? 1;
		this.#capacity = options.capacity ?? 10;
		this.#now = options.now ?? Date.now;
		this.#tokens = this.#capacity;
		this.#refilledAt = this.#now();
	}

	get tokens(): number {
		this.#refill();
		return this.#tokens;
	}

	request(): void {
		this.#refill();
		this.#tokens = Math.min(this.#capacity, this.#tokens + this.#ratio);
	}

	tryRetry(): boolean {
		this.#refill();
		// A small epsilon: ten deposits of 0.1 make 0.9999999999999999 in floating point.
		if (this.#tokens < 1 - 1e-9) return false;
		this.#tokens = Math.max(0, this.#tokens - 1);
		return true;
	}

	#refill(): void {
		const now = this.#now();
		const seconds = Math.max(0, now - this.#refilledAt) / 1000;
		this.#refilledAt = now;
		this.#tokens = Math.min(this.#capacity, this.#tokens + seconds * this.#minPerSecond);
	}
}
