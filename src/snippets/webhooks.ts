/**
 * Receiving webhooks safely, with standard Web APIs only (Web Crypto,
 * TextEncoder, atob/btoa), so it runs on Node 18+, Deno, Bun and edge
 * runtimes:
 *
 * 1. `verifyWebhook` checks an HMAC-SHA256 signature over the raw body, in
 *    constant time, and rejects a timestamp outside a tolerance window.
 * 2. `processOnce` runs the work for an event id at most once, on a
 *    `DedupeStore` (`MemoryDedupeStore` for tests and single-process tools).
 * 3. `applyIfNewer` applies an event's object only if it is newer than the
 *    state you already stored, so a late or repeated event cannot roll it back.
 *
 * The signature scheme is the one of the Standard Webhooks specification
 * (https://www.standardwebhooks.com/): headers `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` (a
 * space-separated list of `v1,<base64>`), signed content
 * `<webhook-id>.<webhook-timestamp>.<raw body>`, secret `whsec_<base64 key>`.
 * Other senders sign other content with other headers (Stripe signs
 * `<t>.<raw body>` and sends hex in `Stripe-Signature`; GitHub and Shopify
 * sign the raw body alone): change `signedContent` and the header parsing,
 * keep the raw bytes, the constant-time comparison and the time window.
 */

/** Incoming headers: a Fetch `Headers`, or Node's `req.headers` object. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export type VerifyFailure = 'missing-headers' | 'bad-timestamp' | 'too-old' | 'too-new' | 'no-matching-signature';

export type VerifyResult = { ok: true; id: string; timestamp: number } | { ok: false; reason: VerifyFailure };

export interface VerifyOptions {
	/** How far `webhook-timestamp` may be from now, either way. Default 300 s, as Standard Webhooks' libraries. */
	toleranceSeconds?: number;
	/** The current time in milliseconds; injected for tests. */
	now?: () => number;
}

const encoder = new TextEncoder();

function header(headers: HeaderSource, name: string): string | undefined {
	if (headers instanceof Headers) return headers.get(name) ?? undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

function fromBase64(text: string): Uint8Array | undefined {
	try {
		return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
	} catch {
		return undefined;
	}
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/**
 * Compares two byte strings in time that depends only on their length, never
 * on where they first differ, so response times do not leak how much of a
 * forged signature was right. (The lengths are public: an HMAC-SHA256 is 32 bytes.)
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
}

async function hmacKey(secret: string): Promise<CryptoKey> {
	const key = fromBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
	if (!key || key.length === 0) throw new Error('The webhook secret is not a whsec_<base64> key');
	return crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** `<id>.<timestamp>.` followed by the body's bytes, untouched. */
function signedContent(id: string, timestamp: string, rawBody: Uint8Array | string): Uint8Array {
	const prefix = encoder.encode(`${id}.${timestamp}.`);
	const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
	const content = new Uint8Array(prefix.length + body.length);
	content.set(prefix, 0);
	content.set(body, prefix.length);
	return content;
}

async function hmac(secret: string, content: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), new Uint8Array(content)));
}

/**
 * The `webhook-signature` value a sender would put on this delivery. For
 * tests, and for sending webhooks of your own.
 */
export async function signWebhook(
	id: string,
	timestamp: number,
	rawBody: Uint8Array | string,
	secret: string
): Promise<string> {
	return `v1,${toBase64(await hmac(secret, signedContent(id, String(timestamp), rawBody)))}`;
}

/**
 * Verifies a delivery before anything reads it. Pass the body exactly as it
 * arrived (`await request.arrayBuffer()`, or the Buffer from a raw-body
 * parser), never `JSON.stringify(JSON.parse(body))`: re-serialising changes
 * spacing, key order or number format, and the signature no longer matches.
 * Answer a failure with 400 or 401 and do not process the body.
 */
export async function verifyWebhook(
	rawBody: Uint8Array | string,
	headers: HeaderSource,
	secret: string,
	options: VerifyOptions = {}
): Promise<VerifyResult> {
	const id = header(headers, 'webhook-id');
	const timestampText = header(headers, 'webhook-timestamp');
	const signatures = header(headers, 'webhook-signature');
	if (!id || !timestampText || !signatures) return { ok: false, reason: 'missing-headers' };

	if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: 'bad-timestamp' };
	const timestamp = Number(timestampText);
	const tolerance = options.toleranceSeconds ?? 300;
	const now = Math.floor((options.now ?? Date.now)() / 1000);
	if (now - timestamp > tolerance) return { ok: false, reason: 'too-old' };
	if (timestamp - now > tolerance) return { ok: false, reason: 'too-new' };

	const expected = await hmac(secret, signedContent(id, timestampText, rawBody));
	// Several signatures during a secret rotation; one match is enough.
	for (const entry of signatures.split(' ')) {
		const [version, value] = entry.split(',', 2);
		if (version !== 'v1' || !value) continue;
		const candidate = fromBase64(value);
		if (candidate && timingSafeEqual(candidate, expected)) return { ok: true, id, timestamp };
	}
	return { ok: false, reason: 'no-matching-signature' };
}

/**
 * Where processed event ids live. `claim` must be atomic: of two concurrent
 * calls with the same id, exactly one gets `true`. In Redis that is
 * `SET <id> 1 NX EX <ttl>`; in SQL, an insert into a table whose primary key
 * is the id (`ON CONFLICT DO NOTHING`), ideally in the same transaction as
 * the work. Keep ids longer than the sender retries: days, not minutes.
 */
export interface DedupeStore {
	/** Records `id` for `ttlSeconds`; `true` if it was not there yet (the caller owns the event). */
	claim(id: string, ttlSeconds: number): Promise<boolean>;
	/** Forgets `id`, so a redelivery can try again after the work failed. */
	release(id: string): Promise<void>;
}

/**
 * An in-memory `DedupeStore`: for tests, and for a single process that may
 * lose its memory on restart. Production receivers run on several instances
 * and restart; use a shared store there.
 */
export class MemoryDedupeStore implements DedupeStore {
	private readonly expiries = new Map<string, number>();
	private readonly now: () => number;

	constructor(now: () => number = Date.now) {
		this.now = now;
	}

	async claim(id: string, ttlSeconds: number): Promise<boolean> {
		const expiry = this.expiries.get(id);
		if (expiry !== undefined && expiry > this.now()) return false;
		this.expiries.set(id, this.now() + ttlSeconds * 1000);
		return true;
	}

	async release(id: string): Promise<void> {
		this.expiries.delete(id);
	}
}

/** Seven days: longer than the automatic retries of Stripe (3 days), Shopify (4 hours) or Standard Webhooks' example schedule (about 3 days). */
export const DEFAULT_DEDUPE_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Runs `work` once per event id. A repeat gets `'duplicate'` and must still
 * be answered with a 2xx, or the sender keeps retrying it. If `work` throws,
 * the claim is released and the error rethrown, so the next delivery
 * (answer this one with a 5xx) gets a clean second try. If the process dies
 * half-way, the claim stays until it expires: make `work` itself idempotent
 * (upserts, conditional updates) and reconcile, rather than trust the claim alone.
 */
export async function processOnce(
	store: DedupeStore,
	eventId: string,
	work: () => Promise<void>,
	ttlSeconds: number = DEFAULT_DEDUPE_TTL_SECONDS
): Promise<'processed' | 'duplicate'> {
	if (!(await store.claim(eventId, ttlSeconds))) return 'duplicate';
	try {
		await work();
	} catch (error) {
		await store.release(eventId);
		throw error;
	}
	return 'processed';
}

/**
 * An object's state with what orders it: a version number the sender
 * increments, or its last-modified time in milliseconds. Not the arrival
 * time, and not the event's position in your log.
 */
export interface VersionedState<T> {
	version: number;
	value: T;
}

/**
 * Applies `incoming` only if it is strictly newer than `stored`. An older or
 * equal version (a late event, a retry of an old one) leaves the stored
 * state as it is. In a database do the same in one statement, so two workers
 * cannot both pass the check:
 * `UPDATE subscriptions SET status = $1, version = $2 WHERE id = $3 AND version < $2`.
 * When the sender gives no per-object version or modification time, do not
 * guess from event order: re-fetch the object from the sender's API and store that.
 */
export function applyIfNewer<T>(
	stored: VersionedState<T> | undefined,
	incoming: VersionedState<T>
): { applied: boolean; state: VersionedState<T> } {
	if (stored !== undefined && incoming.version <= stored.version) return { applied: false, state: stored };
	return { applied: true, state: incoming };
}
