/**
 * The token manager shown in the "OAuth token failures" guide: one refresh
 * per connection however many callers, a rotated refresh token saved before
 * the new access token is used, and token endpoint failures sorted by who
 * must act, with retries only where waiting can help.
 */
import { describe, expect, it, vi } from 'vitest';
import {
	classifyTokenFailure,
	createTokenManager,
	parseBearerChallenge,
	TokenRefreshError,
	type RefreshRequest,
	type TokenEndpointResponse,
	type TokenSet,
	type TokenStore,
} from '../../src/snippets/token-refresh.ts';

const START = 1_700_000_000_000;

/** A clock that only moves when the code under test sleeps. */
function fakeClock() {
	let time = START;
	const slept: number[] = [];
	return {
		now: () => time,
		sleep: async (ms: number) => {
			slept.push(ms);
			time += ms;
		},
		slept,
	};
}

/** An in-memory store whose compare-and-swap compares the refresh token, as a SQL `WHERE` would. */
function memoryStore(initial: TokenSet | undefined, events: string[] = []) {
	let saved = initial;
	const store: TokenStore = {
		load: async () => (saved ? { ...saved } : undefined),
		compareAndSwap: async (_id, expected, next) => {
			if (saved?.refreshToken !== expected.refreshToken) return false;
			saved = { ...next };
			events.push(`saved ${next.refreshToken}`);
			return true;
		},
	};
	return { store, current: () => saved };
}

const expired: TokenSet = { accessToken: 'at-old', refreshToken: 'rt-1', expiresAt: START - 1 };
const ok = (body: Record<string, unknown>): TokenEndpointResponse => ({ status: 200, body: JSON.stringify(body) });
const oauthError = (status: number, error: string, retryAfter?: string): TokenEndpointResponse => ({
	status,
	body: JSON.stringify({ error, error_description: `${error} description` }),
	...(retryAfter ? { retryAfter } : {}),
});

describe('getAccessToken', () => {
	it('returns the stored token without refreshing while it is fresh', async () => {
		const clock = fakeClock();
		const { store } = memoryStore({ accessToken: 'at', refreshToken: 'rt', expiresAt: START + 10 * 60_000 });
		const refresh = vi.fn<RefreshRequest>();
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		expect(await tokens.getAccessToken('c1')).toBe('at');
		expect(refresh).not.toHaveBeenCalled();
	});

	it('refreshes inside the margin, before the token has expired', async () => {
		const clock = fakeClock();
		const { store, current } = memoryStore({ accessToken: 'at', refreshToken: 'rt', expiresAt: START + 30_000 });
		const refresh = vi.fn<RefreshRequest>(async () => ok({ access_token: 'at-2', expires_in: 3600 }));
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep, marginMs: 60_000 });
		expect(await tokens.getAccessToken('c1')).toBe('at-2');
		expect(current()?.expiresAt).toBe(START + 3600_000);
	});

	it('makes ten concurrent callers share one refresh', async () => {
		const clock = fakeClock();
		const { store } = memoryStore(expired);
		let answer: (response: TokenEndpointResponse) => void = () => {};
		const refresh = vi.fn<RefreshRequest>(() => new Promise<TokenEndpointResponse>((resolve) => (answer = resolve)));
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		const callers = Array.from({ length: 10 }, () => tokens.getAccessToken('c1'));
		await vi.waitFor(() => expect(refresh).toHaveBeenCalled());
		answer(ok({ access_token: 'at-new', refresh_token: 'rt-2', expires_in: 3600 }));
		expect(await Promise.all(callers)).toEqual(Array(10).fill('at-new'));
		expect(refresh).toHaveBeenCalledTimes(1);
		expect(refresh.mock.calls[0]?.[0]).toBe('rt-1');
	});

	it('refreshes different connections independently', async () => {
		const clock = fakeClock();
		const store: TokenStore = {
			load: async (id) => ({ accessToken: `at-${id}`, refreshToken: `rt-${id}`, expiresAt: START - 1 }),
			compareAndSwap: async () => true,
		};
		const refresh = vi.fn<RefreshRequest>(async (rt) => ok({ access_token: `new-${rt}`, expires_in: 60 }));
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		expect(await Promise.all([tokens.getAccessToken('a'), tokens.getAccessToken('b')])).toEqual([
			'new-rt-a',
			'new-rt-b',
		]);
		expect(refresh).toHaveBeenCalledTimes(2);
	});

	it('saves a rotated refresh token before the new access token is returned', async () => {
		const clock = fakeClock();
		const events: string[] = [];
		const { store, current } = memoryStore(expired, events);
		const refresh: RefreshRequest = async () => {
			events.push('token endpoint answered');
			return ok({ access_token: 'at-2', refresh_token: 'rt-2', expires_in: 3600 });
		};
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		const token = await tokens.getAccessToken('c1');
		events.push(`returned ${token}`);
		expect(events).toEqual(['token endpoint answered', 'saved rt-2', 'returned at-2']);
		expect(current()).toEqual({ accessToken: 'at-2', refreshToken: 'rt-2', expiresAt: START + 3600_000 });
	});

	it('does not hand out the new access token when saving it fails', async () => {
		const clock = fakeClock();
		const store: TokenStore = {
			load: async () => ({ ...expired }),
			compareAndSwap: async () => {
				throw new Error('database unavailable');
			},
		};
		const refresh: RefreshRequest = async () => ok({ access_token: 'at-2', refresh_token: 'rt-2', expires_in: 60 });
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		await expect(tokens.getAccessToken('c1')).rejects.toThrow('database unavailable');
	});

	it('keeps the old refresh token when the response carries none', async () => {
		const clock = fakeClock();
		const { store, current } = memoryStore(expired);
		const refresh: RefreshRequest = async () => ok({ access_token: 'at-2', expires_in: 3600 });
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		await tokens.getAccessToken('c1');
		expect(current()?.refreshToken).toBe('rt-1');
	});

	it('uses what another worker stored instead of overwriting it', async () => {
		const clock = fakeClock();
		let saved: TokenSet = { ...expired };
		const store: TokenStore = {
			load: async () => ({ ...saved }),
			compareAndSwap: async () => {
				// Another process refreshed between our read and our write.
				saved = { accessToken: 'at-other', refreshToken: 'rt-other', expiresAt: START + 3600_000 };
				return false;
			},
		};
		const refresh: RefreshRequest = async () =>
			ok({ access_token: 'at-mine', refresh_token: 'rt-mine', expires_in: 60 });
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		expect(await tokens.getAccessToken('c1')).toBe('at-other');
		expect(saved.refreshToken).toBe('rt-other');
	});

	it('lets a worker that waited on the lock use the refreshed token without refreshing again', async () => {
		const clock = fakeClock();
		const { store } = memoryStore(expired);
		const refresh = vi.fn<RefreshRequest>(async () =>
			ok({ access_token: 'at-2', refresh_token: 'rt-2', expires_in: 3600 })
		);
		let queue = Promise.resolve();
		const withLock = <T>(_id: string, fn: () => Promise<T>): Promise<T> => {
			const run = queue.then(fn);
			queue = run.then(
				() => undefined,
				() => undefined
			);
			return run;
		};
		// Two managers stand for two worker processes sharing the store and the lock.
		const workerA = createTokenManager({ store, refresh, withLock, now: clock.now, sleep: clock.sleep });
		const workerB = createTokenManager({ store, refresh, withLock, now: clock.now, sleep: clock.sleep });
		expect(await Promise.all([workerA.getAccessToken('c1'), workerB.getAccessToken('c1')])).toEqual(['at-2', 'at-2']);
		expect(refresh).toHaveBeenCalledTimes(1);
	});

	it('asks for a reconnect when nothing is stored', async () => {
		const { store } = memoryStore(undefined);
		const tokens = createTokenManager({ store, refresh: vi.fn<RefreshRequest>() });
		await expect(tokens.getAccessToken('c1')).rejects.toMatchObject({ kind: 'reconnect' });
	});
});

describe('token endpoint failures', () => {
	it('answers invalid_grant with reconnect, without retrying', async () => {
		const clock = fakeClock();
		const { store, current } = memoryStore(expired);
		const refresh = vi.fn<RefreshRequest>(async () => oauthError(400, 'invalid_grant'));
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		const failure = await tokens.getAccessToken('c1').catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(TokenRefreshError);
		expect(failure).toMatchObject({ kind: 'reconnect', error: 'invalid_grant', status: 400 });
		expect(refresh).toHaveBeenCalledTimes(1);
		expect(clock.slept).toEqual([]);
		expect(current()).toEqual(expired);
	});

	it('answers invalid_client and unauthorized_client with fix-config, without retrying', async () => {
		for (const [status, code] of [
			[401, 'invalid_client'],
			[400, 'unauthorized_client'],
		] as const) {
			const clock = fakeClock();
			const { store } = memoryStore(expired);
			const refresh = vi.fn<RefreshRequest>(async () => oauthError(status, code));
			const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
			await expect(tokens.getAccessToken('c1')).rejects.toMatchObject({ kind: 'fix-config', error: code });
			expect(refresh).toHaveBeenCalledTimes(1);
		}
	});

	it('retries a 503 and succeeds within the deadline', async () => {
		const clock = fakeClock();
		const { store } = memoryStore(expired);
		const refresh = vi
			.fn<RefreshRequest>()
			.mockResolvedValueOnce({ status: 503, body: '<html>Service Unavailable</html>' })
			.mockResolvedValueOnce(ok({ access_token: 'at-2', expires_in: 3600 }));
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep, random: () => 0.5 });
		expect(await tokens.getAccessToken('c1')).toBe('at-2');
		expect(refresh).toHaveBeenCalledTimes(2);
		expect(clock.slept).toEqual([250]);
	});

	it('stops retrying a 503 at the attempt cap, inside the deadline', async () => {
		const clock = fakeClock();
		const { store } = memoryStore(expired);
		const refresh = vi.fn<RefreshRequest>(async () => ({ status: 503, body: '' }));
		const tokens = createTokenManager({
			store,
			refresh,
			now: clock.now,
			sleep: clock.sleep,
			random: () => 0.99,
			maxAttempts: 3,
			deadlineMs: 15_000,
		});
		await expect(tokens.getAccessToken('c1')).rejects.toMatchObject({ kind: 'retry-later', status: 503 });
		expect(refresh).toHaveBeenCalledTimes(3);
		expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThan(15_000);
	});

	it('does not wait past the deadline for a Retry-After that is too long', async () => {
		const clock = fakeClock();
		const { store } = memoryStore(expired);
		const refresh = vi.fn<RefreshRequest>(async () => oauthError(503, 'temporarily_unavailable', '120'));
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep, deadlineMs: 15_000 });
		await expect(tokens.getAccessToken('c1')).rejects.toMatchObject({
			kind: 'retry-later',
			error: 'temporarily_unavailable',
		});
		expect(refresh).toHaveBeenCalledTimes(1);
		expect(clock.slept).toEqual([]);
	});

	it('gives up when the backoff would cross the deadline', async () => {
		const clock = fakeClock();
		const { store } = memoryStore(expired);
		const refresh = vi.fn<RefreshRequest>(async () => ({ status: 502, body: '' }));
		const tokens = createTokenManager({
			store,
			refresh,
			now: clock.now,
			sleep: clock.sleep,
			random: () => 0.99,
			maxAttempts: 10,
			deadlineMs: 2_000,
		});
		await expect(tokens.getAccessToken('c1')).rejects.toMatchObject({ kind: 'retry-later' });
		expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThan(2_000);
		expect(refresh.mock.calls.length).toBeLessThan(10);
	});

	it('retries a network error as retry-later and keeps the cause', async () => {
		const clock = fakeClock();
		const { store } = memoryStore(expired);
		const network = new TypeError('fetch failed');
		const refresh = vi.fn<RefreshRequest>(async () => {
			throw network;
		});
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep, maxAttempts: 2 });
		const failure = await tokens.getAccessToken('c1').catch((error: unknown) => error);
		expect(failure).toMatchObject({ kind: 'retry-later', status: undefined });
		expect((failure as Error).cause).toBe(network);
		expect(refresh).toHaveBeenCalledTimes(2);
	});

	it('gives every attempt a signal that aborts at the deadline', async () => {
		const { store } = memoryStore(expired);
		const signals: AbortSignal[] = [];
		const refresh: RefreshRequest = async (_rt, signal) => {
			signals.push(signal);
			return ok({ access_token: 'at-2', expires_in: 60 });
		};
		await createTokenManager({ store, refresh }).getAccessToken('c1');
		expect(signals[0]).toBeInstanceOf(AbortSignal);
		expect(signals[0]?.aborted).toBe(false);
	});

	it('classifies by the OAuth error code first, then the status', () => {
		const body = (error: string) => JSON.stringify({ error });
		expect(classifyTokenFailure({ status: 400, body: body('invalid_grant') })).toBe('reconnect');
		expect(classifyTokenFailure({ status: 401, body: body('invalid_client') })).toBe('fix-config');
		expect(classifyTokenFailure({ status: 400, body: body('unauthorized_client') })).toBe('fix-config');
		expect(classifyTokenFailure({ status: 400, body: body('invalid_scope') })).toBe('fix-config');
		expect(classifyTokenFailure({ status: 400, body: body('inactive_user') })).toBe('fix-config');
		expect(classifyTokenFailure({ status: 503, body: body('temporarily_unavailable') })).toBe('retry-later');
		expect(classifyTokenFailure({ status: 500, body: '<html>oops</html>' })).toBe('retry-later');
		expect(classifyTokenFailure({ status: 429, body: '' })).toBe('retry-later');
		expect(classifyTokenFailure({ status: 400, body: 'Bad Request' })).toBe('fix-config');
		expect(classifyTokenFailure(undefined)).toBe('retry-later');
	});

	it('rejects a 200 without an access token instead of storing it', async () => {
		const clock = fakeClock();
		const { store, current } = memoryStore(expired);
		const refresh: RefreshRequest = async () => ok({ token_type: 'Bearer' });
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		await expect(tokens.getAccessToken('c1')).rejects.toMatchObject({ kind: 'fix-config' });
		expect(current()).toEqual(expired);
	});
});

describe('refreshAfterRejection', () => {
	it('refreshes once after a 401 even when the token looked fresh', async () => {
		const clock = fakeClock();
		const { store } = memoryStore({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: START + 3600_000 });
		const refresh = vi.fn<RefreshRequest>(async () =>
			ok({ access_token: 'at-2', refresh_token: 'rt-2', expires_in: 3600 })
		);
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		expect(await tokens.refreshAfterRejection('c1', 'at-1')).toBe('at-2');
		expect(refresh).toHaveBeenCalledTimes(1);
	});

	it('does not refresh again when someone already replaced the rejected token', async () => {
		const clock = fakeClock();
		const { store } = memoryStore({ accessToken: 'at-2', refreshToken: 'rt-2', expiresAt: START + 3600_000 });
		const refresh = vi.fn<RefreshRequest>();
		const tokens = createTokenManager({ store, refresh, now: clock.now, sleep: clock.sleep });
		expect(await tokens.refreshAfterRejection('c1', 'at-1')).toBe('at-2');
		expect(refresh).not.toHaveBeenCalled();
	});
});

describe('parseBearerChallenge', () => {
	it('reads RFC 6750 §3 challenges', () => {
		expect(
			parseBearerChallenge(
				'Bearer realm="example", error="invalid_token", error_description="The access token expired"'
			)
		).toEqual({
			error: 'invalid_token',
			errorDescription: 'The access token expired',
			errorUri: undefined,
			realm: 'example',
			scope: [],
		});
	});

	it('keeps commas, escaped quotes and equals signs inside quoted values', () => {
		const challenge = parseBearerChallenge(
			'Bearer error="invalid_token", error_description="Expired, please refresh; a=\\"b\\"", realm="api, v2"'
		);
		expect(challenge?.error).toBe('invalid_token');
		expect(challenge?.errorDescription).toBe('Expired, please refresh; a="b"');
		expect(challenge?.realm).toBe('api, v2');
	});

	it('splits the scope attribute on spaces', () => {
		expect(
			parseBearerChallenge('Bearer realm="example", error="insufficient_scope", scope="orders:write  orders:read"')
				?.scope
		).toEqual(['orders:write', 'orders:read']);
	});

	it('reports no error when the challenge has none (a request without credentials)', () => {
		expect(parseBearerChallenge('Bearer realm="example"')).toMatchObject({ error: undefined, realm: 'example' });
		expect(parseBearerChallenge('Bearer')).toMatchObject({ error: undefined, scope: [] });
	});

	it('finds the Bearer challenge among others, whatever the case of the scheme', () => {
		expect(parseBearerChallenge('Basic realm="a", bearer error="invalid_token"')?.error).toBe('invalid_token');
		expect(parseBearerChallenge('Negotiate abc==, Bearer error=invalid_token')?.error).toBe('invalid_token');
		expect(parseBearerChallenge('Bearer realm="a",error="invalid_token"')?.error).toBe('invalid_token');
	});

	it('returns undefined without a Bearer challenge, and survives malformed input', () => {
		expect(parseBearerChallenge('Basic realm="a"')).toBeUndefined();
		expect(parseBearerChallenge('')).toBeUndefined();
		expect(parseBearerChallenge('Bearer error="unterminated')?.error).toBe('unterminated');
		expect(parseBearerChallenge('=,,"  ')).toBeUndefined();
	});
});
