/**
 * An OAuth 2.0 access-token manager for connections that act on a user's
 * behalf with a refresh token (RFC 6749 §6). It
 * - refreshes before the access token expires, with a margin for clock skew
 *   and request time;
 * - runs one refresh at a time per connection: concurrent callers in this
 *   process share one promise, and an optional `withLock` lets you hold a
 *   lock across processes so other workers wait for the result;
 * - saves the new token set (a rotated refresh token included) with an
 *   atomic compare-and-swap before anyone gets the new access token;
 * - sorts token endpoint failures by who must act: `reconnect` (the user),
 *   `fix-config` (your team) or `retry-later` (nobody yet), and retries only
 *   the last kind, with a cap on attempts and a deadline.
 * Standard Web APIs only: `fetch`, `AbortSignal`, `URLSearchParams`.
 */

/** What the store keeps per connection. `expiresAt` is epoch milliseconds on your clock. */
export interface TokenSet {
	accessToken: string;
	refreshToken: string;
	expiresAt: number;
}

export interface TokenStore {
	load(connectionId: string): Promise<TokenSet | undefined>;
	/**
	 * Replace `expected` with `next` in one atomic step and return true, or
	 * change nothing and return false when the stored set is no longer
	 * `expected` (another process refreshed first). In SQL:
	 * `UPDATE … SET … WHERE connection_id = $1 AND refresh_token = $expected`.
	 */
	compareAndSwap(connectionId: string, expected: TokenSet, next: TokenSet): Promise<boolean>;
}

/** The token endpoint's answer, as received. `status` is absent when no response arrived. */
export interface TokenEndpointResponse {
	status: number;
	body: string;
	retryAfter?: string | null;
}

/** Sends `grant_type=refresh_token`; rejects on network errors and when `signal` aborts. */
export type RefreshRequest = (refreshToken: string, signal: AbortSignal) => Promise<TokenEndpointResponse>;

/** Who must act: the user reconnects, your team fixes the client setup, or wait and try again. */
export type FailureKind = 'reconnect' | 'fix-config' | 'retry-later';

export class TokenRefreshError extends Error {
	readonly kind: FailureKind;
	/** The OAuth `error` code and `error_description`, when the server sent them. */
	readonly error: string | undefined;
	readonly description: string | undefined;
	readonly status: number | undefined;
	constructor(kind: FailureKind, detail: { error?: string; description?: string; status?: number; cause?: unknown }) {
		const what = detail.error ?? (detail.status === undefined ? 'no response' : `HTTP ${detail.status}`);
		super(`Token refresh failed (${kind}): ${what}${detail.description ? ` (${detail.description})` : ''}`, {
			cause: detail.cause,
		});
		this.name = 'TokenRefreshError';
		this.kind = kind;
		this.error = detail.error;
		this.description = detail.description;
		this.status = detail.status;
	}
}

interface OAuthErrorBody {
	error?: string;
	description?: string;
}

function readErrorBody(body: string): OAuthErrorBody {
	try {
		const parsed: unknown = JSON.parse(body);
		if (typeof parsed !== 'object' || parsed === null) return {};
		const { error, error_description: description } = parsed as Record<string, unknown>;
		return {
			...(typeof error === 'string' ? { error } : {}),
			...(typeof description === 'string' ? { description } : {}),
		};
	} catch {
		return {};
	}
}

/**
 * RFC 6749 §5.2 codes, sorted by who must act. `temporarily_unavailable` and
 * `server_error` are defined for the authorization endpoint, but some servers
 * send them from the token endpoint too. Any other code (a provider's own)
 * goes to your team: a person should read `error_description` before users
 * are asked to reconnect or the request is repeated.
 */
export function classifyTokenFailure(response: TokenEndpointResponse | undefined): FailureKind {
	if (!response) return 'retry-later';
	const { error } = readErrorBody(response.body);
	if (error === 'invalid_grant') return 'reconnect';
	if (error === 'temporarily_unavailable' || error === 'server_error') return 'retry-later';
	if (error) return 'fix-config';
	if (response.status === 429 || response.status >= 500) return 'retry-later';
	return 'fix-config';
}

export interface TokenManagerOptions {
	store: TokenStore;
	refresh: RefreshRequest;
	/** Refresh this long before `expiresAt`. Default 60 s. */
	marginMs?: number;
	/** Token endpoint attempts per refresh, the first included. Default 3. */
	maxAttempts?: number;
	/** The most time one refresh may take, waits included. Default 15 s. */
	deadlineMs?: number;
	/** Backoff for `retry-later` failures: full jitter, 500 ms base, 4 s cap by default. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** Assumed access-token lifetime when the response omits `expires_in`; use what your provider documents. */
	fallbackLifetimeSeconds?: number;
	/**
	 * Run `fn` while holding a lock on the connection shared by all your
	 * workers (a database advisory lock, a Redis lock with a TTL). The default
	 * runs it at once, which is enough for a single process.
	 */
	withLock?: <T>(connectionId: string, fn: () => Promise<T>) => Promise<T>;
	/** Injected for tests. */
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

export interface TokenManager {
	/** A valid access token, refreshed first when it expires within the margin. */
	getAccessToken(connectionId: string): Promise<string>;
	/**
	 * After an API answered 401 `invalid_token` to `rejected`: a new access
	 * token, refreshed once. When another caller already replaced the rejected
	 * token, that newer token is returned without a second refresh.
	 */
	refreshAfterRejection(connectionId: string, rejected: string): Promise<string>;
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
	const {
		store,
		refresh,
		marginMs = 60_000,
		maxAttempts = 3,
		deadlineMs = 15_000,
		baseDelayMs = 500,
		maxDelayMs = 4_000,
		fallbackLifetimeSeconds = 3600,
		withLock = (_connectionId, fn) => fn(),
		now = Date.now,
		sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
		random = Math.random,
	} = options;
	const inFlight = new Map<string, Promise<TokenSet>>();

	const fresh = (tokens: TokenSet) => tokens.expiresAt - now() > marginMs;

	async function loadOrReconnect(connectionId: string): Promise<TokenSet> {
		const tokens = await store.load(connectionId);
		if (!tokens) throw new TokenRefreshError('reconnect', { description: 'no tokens stored for this connection' });
		return tokens;
	}

	/** One call to the token endpoint per attempt; only `retry-later` failures are repeated. */
	async function callTokenEndpoint(refreshToken: string): Promise<{ response: TokenEndpointResponse; sentAt: number }> {
		const deadline = now() + deadlineMs;
		for (let attempt = 1; ; attempt++) {
			const sentAt = now();
			let response: TokenEndpointResponse | undefined;
			let cause: unknown;
			try {
				response = await refresh(refreshToken, AbortSignal.timeout(Math.max(1, deadline - sentAt)));
				if (response.status >= 200 && response.status < 300) return { response, sentAt };
			} catch (error) {
				cause = error;
			}
			const kind = classifyTokenFailure(response);
			const failure = new TokenRefreshError(kind, {
				...readErrorBody(response?.body ?? ''),
				...(response ? { status: response.status } : {}),
				cause,
			});
			if (kind !== 'retry-later' || attempt >= maxAttempts) throw failure;
			const named = /^\d+$/.test(response?.retryAfter?.trim() ?? '') ? Number(response?.retryAfter) * 1000 : null;
			const wait = named ?? Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
			if (now() + wait >= deadline) throw failure;
			await sleep(wait);
		}
	}

	function parseTokens(body: string, previous: TokenSet, sentAt: number): TokenSet {
		let parsed: Record<string, unknown> = {};
		try {
			const value: unknown = JSON.parse(body);
			if (typeof value === 'object' && value !== null) parsed = value as Record<string, unknown>;
		} catch {
			// handled below: no access token
		}
		const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = parsed;
		if (typeof accessToken !== 'string' || accessToken === '') {
			throw new TokenRefreshError('fix-config', { description: 'token response without access_token' });
		}
		const lifetime = Number(expiresIn);
		return {
			accessToken,
			// RFC 6749 §6: a new refresh token replaces the old one; none means keep the old one.
			refreshToken: typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : previous.refreshToken,
			// Count from when the request was sent: the token's lifetime started no earlier.
			expiresAt: sentAt + (Number.isFinite(lifetime) && lifetime > 0 ? lifetime : fallbackLifetimeSeconds) * 1000,
		};
	}

	/** Under the lock: re-read, and refresh only when nobody else has. */
	async function refreshLocked(connectionId: string, rejected: string | undefined): Promise<TokenSet> {
		const current = await loadOrReconnect(connectionId);
		const replaced = rejected !== undefined && current.accessToken !== rejected;
		if (replaced || (rejected === undefined && fresh(current))) return current;
		const { response, sentAt } = await callTokenEndpoint(current.refreshToken);
		const next = parseTokens(response.body, current, sentAt);
		// Save before use: a rotated refresh token that is not stored is lost, and the user must reconnect.
		if (await store.compareAndSwap(connectionId, current, next)) return next;
		// Someone refreshed without holding the lock. Use what is stored rather than overwrite it.
		return loadOrReconnect(connectionId);
	}

	function singleFlight(connectionId: string, rejected: string | undefined): Promise<TokenSet> {
		const running = inFlight.get(connectionId);
		if (running) return running;
		const started = withLock(connectionId, () => refreshLocked(connectionId, rejected)).finally(() =>
			inFlight.delete(connectionId)
		);
		inFlight.set(connectionId, started);
		return started;
	}

	return {
		async getAccessToken(connectionId) {
			const tokens = await loadOrReconnect(connectionId);
			if (fresh(tokens)) return tokens.accessToken;
			return (await singleFlight(connectionId, undefined)).accessToken;
		},
		async refreshAfterRejection(connectionId, rejected) {
			return (await singleFlight(connectionId, rejected)).accessToken;
		},
	};
}

/**
 * A `RefreshRequest` with `fetch`, authenticating the client with HTTP Basic
 * (`client_secret_basic`): RFC 6749 §2.3.1 form-encodes the id and secret
 * before joining them. Use the method your client is registered for.
 */
export function refreshWithFetch(tokenUrl: string, clientId: string, clientSecret: string): RefreshRequest {
	const formEncode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);
	const basic = btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`);
	return async (refreshToken, signal) => {
		const response = await fetch(tokenUrl, {
			method: 'POST',
			signal,
			headers: {
				authorization: `Basic ${basic}`,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
			},
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
		});
		return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
	};
}

/** The `Bearer` challenge of a `WWW-Authenticate` header (RFC 6750 §3). */
export interface BearerChallenge {
	/** `invalid_request`, `invalid_token`, `insufficient_scope`; absent when the request had no credentials. */
	error: string | undefined;
	errorDescription: string | undefined;
	errorUri: string | undefined;
	realm: string | undefined;
	/** The scopes the resource needs, when it says so (space-delimited on the wire). */
	scope: string[];
}

const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

/**
 * Reads the `Bearer` challenge out of a `WWW-Authenticate` value, which may
 * hold several challenges (`Basic realm="a", Bearer error="invalid_token"`).
 * Parameter values are tokens or quoted strings, which may contain commas
 * and backslash escapes. Returns undefined when there is no Bearer challenge.
 */
export function parseBearerChallenge(header: string): BearerChallenge | undefined {
	let i = 0;
	const readToken = () => {
		const start = i;
		while (i < header.length && TOKEN_CHAR.test(header[i] ?? '')) i++;
		return header.slice(start, i);
	};
	const skip = (chars: string) => {
		while (i < header.length && chars.includes(header[i] ?? '')) i++;
	};
	const readQuoted = () => {
		let value = '';
		for (i++; i < header.length && header[i] !== '"'; i++)
			value += header[i] === '\\' ? (header[++i] ?? '') : header[i];
		i++;
		return value;
	};

	while (i < header.length) {
		skip(' \t,');
		const scheme = readToken();
		if (!scheme) {
			i++;
			continue;
		}
		const params = new Map<string, string>();
		for (;;) {
			skip(' \t');
			const mark = i;
			const name = readToken();
			skip(' \t');
			if (!name || header[i] !== '=') {
				i = mark; // the next challenge's scheme, or a token68
				break;
			}
			i++;
			skip(' \t');
			const value = header[i] === '"' ? readQuoted() : readToken();
			params.set(name.toLowerCase(), value);
			skip(' \t');
			if (header[i] !== ',') break;
			skip(' \t,');
		}
		if (scheme.toLowerCase() === 'bearer') {
			return {
				error: params.get('error'),
				errorDescription: params.get('error_description'),
				errorUri: params.get('error_uri'),
				realm: params.get('realm'),
				scope: (params.get('scope') ?? '').split(' ').filter(Boolean),
			};
		}
	}
	return undefined;
}
