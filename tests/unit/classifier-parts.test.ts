/** The classifier's parts that users rely on directly: input forms, retry timing, the message vocabulary. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { headerMap, parseRateLimitReset, parseRetryAfter, retryTiming } from '../../src/classifier/headers.ts';
import { classify, toClassifierData } from '../../src/classifier/index.ts';
import { readInput } from '../../src/classifier/input.ts';
import { categoryFromMessage } from '../../src/classifier/vocabulary.ts';

const { catalog } = await loadCatalog(process.cwd());
const data = toClassifierData(catalog);
const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('input forms', () => {
	const body =
		'{"id":"err_20260114093512x4F2A9C1E","code":409,"type":"ResourceLockedConflict","message":"locked","metadata":{}}';

	it('reads curl -i output with a 100 Continue preamble and CRLF line ends', () => {
		const text = `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\n\r\n${body}`;
		const input = readInput(text);
		expect(input).toMatchObject({ kind: 'http-response', status: 409 });
		expect(classify(text, data).code).toBe('botpress/resource-locked-conflict');
	});

	it('reads curl -v output with < prefixes, request lines and a redirect first', () => {
		const text = [
			'*   Trying 127.0.0.1:443...',
			'> POST /v1/tables HTTP/2',
			'> Host: api.example.com',
			'>',
			'< HTTP/2 301',
			'< location: /v2/tables',
			'<',
			'< HTTP/2 409',
			'< content-type: application/json',
			'< x-request-id: req_123',
			'<',
			body,
			'* Connection #0 to host api.example.com left intact',
		].join('\n');
		const result = classify(text, data);
		expect(result).toMatchObject({ input: 'http-response', status: 409, code: 'botpress/resource-locked-conflict' });
		expect(result.fields.requestId).toBe('req_123');
	});

	it('reads a {status, headers, body} object, with the body as text or as JSON', () => {
		expect(classify(JSON.stringify({ status: 409, headers: {}, body }), data)).toMatchObject({
			input: 'response-object',
			status: 409,
		});
		expect(
			classify({ status: '409', headers: { 'Content-Type': 'application/json' }, body: JSON.parse(body) }, data)
		).toMatchObject({
			input: 'response-object',
			status: 409,
			code: 'botpress/resource-locked-conflict',
		});
	});

	it('picks the first failed response of a HAR and says so', () => {
		const har = {
			log: {
				version: '1.2',
				entries: [
					{
						request: { url: 'https://api.example.com/ok' },
						response: { status: 200, headers: [], content: { text: '{}' } },
					},
					{
						request: { url: 'https://api.example.com/tables' },
						response: {
							status: 409,
							headers: [{ name: 'Content-Type', value: 'application/json' }],
							content: { text: btoa(body), encoding: 'base64' },
						},
					},
				],
			},
		};
		const result = classify(JSON.stringify(har), data);
		expect(result).toMatchObject({ input: 'har', status: 409, code: 'botpress/resource-locked-conflict' });
		expect(result.evidence[0]?.rule).toMatch(/first failed request, #2 https:\/\/api\.example\.com\/tables/);
	});

	it('says plainly when it does not recognise the input, with hints', () => {
		const result = classify('hello there', data);
		expect(result).toMatchObject({
			format: 'text',
			category: 'unknown',
			retryable: null,
			code: null,
			title: 'Not recognised',
		});
		expect(result.nextSteps.join(' ')).toMatch(/Paste the whole response/);
		expect(classify('', data)).toMatchObject({ input: 'empty', category: 'unknown' });
	});
});

describe('retry timing', () => {
	it('reads Retry-After as seconds or as an HTTP date measured from the Date header', () => {
		expect(parseRetryAfter('120', undefined, NOW)).toBe(120);
		expect(parseRetryAfter('Thu, 26 Nov 2026 10:01:30 GMT', 'Thu, 26 Nov 2026 10:00:00 GMT', 0)).toBe(90);
		expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', undefined, NOW)).toBe(30);
		expect(parseRetryAfter('soon', undefined, NOW)).toBeNull();
	});

	it('reads rate-limit reset headers as delta seconds, Unix seconds or milliseconds', () => {
		expect(parseRateLimitReset('6', undefined, NOW)).toBe(6);
		expect(parseRateLimitReset(String(NOW / 1000 + 45), undefined, NOW)).toBe(45);
		expect(parseRateLimitReset(String(NOW + 5000), undefined, NOW)).toBe(5);
	});

	it('ignores a reset header while requests remain', () => {
		expect(
			retryTiming(
				headerMap([
					['X-RateLimit-Remaining', '10'],
					['X-RateLimit-Reset', '30'],
				]),
				NOW
			)
		).toBeNull();
		expect(
			retryTiming(
				headerMap([
					['X-RateLimit-Remaining', '0'],
					['X-RateLimit-Reset', '30'],
				]),
				NOW
			)?.seconds
		).toBe(30);
	});

	it('turns SyncHive’s backoffPeriodInMinutes into seconds, defaulting to 2 minutes', () => {
		const pause = {
			type: 'http://www.synchive.com/common/pause-integration',
			typeCode: 'PAUSE_INTEGRATION',
			status: 400,
			message: 'Rate limited by Shopify',
		};
		expect(classify(JSON.stringify({ ...pause, backoffPeriodInMinutes: 30 }), data).retryAfterSeconds).toBe(1800);
		expect(classify(JSON.stringify(pause), data).retryAfterSeconds).toBe(120);
	});
});

describe('the message vocabulary', () => {
	it.each([
		['You have exceeded the rate limit', 'rate-limit'],
		['Daily quota exhausted for this project', 'quota'],
		['Request entity too large', 'too-large'],
		['Your card was declined.', 'payment'],
		['upstream request timeout', 'timeout'],
		['Service temporarily unavailable, try again later', 'unavailable'],
		['UNABLE_TO_LOCK_ROW: unable to lock row', 'locked'],
		['A contact with this email already exists', 'conflict'],
		['The requested user does not exist', 'not-found'],
		['Invalid API key provided', 'authentication'],
		['You do not have permission to access this board', 'permission'],
		['This operation is not supported', 'unsupported'],
		['The field email is required', 'validation'],
		['Something went wrong on our end', 'internal'],
	])('“%s” → %s', (message, category) => {
		expect(categoryFromMessage(message)?.category).toBe(category);
	});

	it('decides when nothing else does, and says so in the evidence', () => {
		const result = classify('{"message":"A contact with this email already exists"}', data);
		expect(result).toMatchObject({ format: 'json', status: null, category: 'conflict' });
		expect(result.evidence.at(-1)?.rule).toMatch(/message vocabulary/);
	});

	it('refines a loose status with a specific meaning, and leaves a specific status alone', () => {
		const body = (status: number, message: string) =>
			classify({ status, headers: {}, body: JSON.stringify({ message }) }, data);
		const conflict = body(400, 'A user with this email already exists');
		expect(conflict.category).toBe('conflict');
		expect(conflict.evidence.at(-1)?.rule).toMatch(/the message says more than “validation”/);
		expect(body(403, 'Invalid API key').category).toBe('authentication');
		expect(body(403, 'Insufficient funds in the wallet').category).toBe('payment');
		expect(body(422, 'Card was declined by the issuer').category).toBe('payment');
		expect(body(429, 'Daily limit reached for today').category).toBe('quota');
		expect(body(500, 'Insufficient funds').category).toBe('payment');
		// A specific status says more than the words: a 404 stays not-found, a 401 authentication.
		expect(body(404, 'A user with this email already exists').category).toBe('not-found');
		expect(body(401, 'Insufficient funds').category).toBe('authentication');
		// A catch-all code (marked `broad` in the catalog) is refined; a specific code keeps its meaning.
		const laravel = classify(
			{
				status: 422,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					message: 'The email has already been taken.',
					errors: { email: ['The email has already been taken.'] },
				}),
			},
			data
		);
		expect(laravel.code).toBe('laravel/validation-failed');
		expect(laravel.category).toBe('conflict');
		const square = classify(
			{
				status: 400,
				headers: {},
				body: JSON.stringify({
					errors: [
						{
							category: 'INVALID_REQUEST_ERROR',
							code: 'CONFLICTING_PARAMETERS',
							detail: 'Conflicting parameters: a and b.',
						},
					],
				}),
			},
			data
		);
		expect(square.code).toBe('square/conflicting-parameters');
		expect(square.category).toBe('validation');
		// Words that add nothing specific leave the status's meaning.
		expect(body(400, 'Something is wrong with the request').category).toBe('validation');
	});

	it('reads a vendor code as words where no entry explains it, after the message', () => {
		const body = (status: number, value: object) =>
			classify({ status, headers: {}, body: JSON.stringify(value) }, data);
		// The code names the failure where the message does not.
		expect(body(403, { code: 'CARD_DECLINED', message: 'The attempt was rejected.' }).category).toBe('payment');
		// A code may say "not found" under a 400; a message's "not found" inside a validation failure does not.
		expect(body(400, { code: 'InvoiceDoesNotExist', message: 'The invoice is unknown.' }).category).toBe('not-found');
		expect(body(400, { code: 'E_VALIDATION', message: 'Validation failed: owner: User not found' }).category).toBe(
			'validation'
		);
		// A code the catalog explains keeps its meaning whatever its words.
		const stripe = body(402, {
			error: { type: 'card_error', code: 'expired_card', message: 'Your card has expired.' },
		});
		expect(stripe.code).toBe('stripe/expired-card');
		expect(stripe.category).toBe('payment');
	});

	it('reads a daily limit under a 429 as a quota that waits for its reset', () => {
		const result = classify(
			{ status: 429, headers: {}, body: JSON.stringify({ message: 'Sent 250 (the maximum) for today' }) },
			data
		);
		expect(result.category).toBe('quota');
		expect(result.retryable).toBe(false);
		expect(result.evidence.map((item) => item.rule).join('\n')).toMatch(/a limit for the day or the month/);
	});
});

describe('an HTTP client error line that quotes the body', () => {
	it('takes the status from the prefix and classifies the JSON after it', () => {
		const text =
			'Error: Request failed with status code 402 {"code":"PAYMENT_REQUIRED","message":"Top up your balance"}';
		expect(readInput(text)).toMatchObject({ kind: 'body', status: 402 });
		const result = classify(text, data);
		expect(result).toMatchObject({ format: 'json', status: 402, category: 'payment' });
		expect(result.fields.vendorCode).toBe('PAYMENT_REQUIRED');
		expect(result.evidence[0]?.rule).toMatch(/HTTP client's error line/);
	});

	it('leaves prose that merely contains braces as text', () => {
		expect(readInput('Something failed {not json} at step 3')).toMatchObject({ kind: 'body', status: null });
		expect(classify('Something failed {not json} at step 3', data).format).toBe('text');
	});
});

describe('OAuth provider extension codes', () => {
	it('files a provider’s own token endpoint code under its kind, keeping the code', () => {
		const result = classify(
			{
				status: 400,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ error: 'expired_login_session', error_description: 'Start the sign-in again.' }),
			},
			data
		);
		expect(result).toMatchObject({
			format: 'oauth2',
			code: 'oauth2/provider-extension-error',
			category: 'authentication',
			retryable: false,
		});
		expect(result.fields.vendorCode).toBe('expired_login_session');
	});

	it('does not claim a bare {"error": "…"} body with other members as OAuth', () => {
		const result = classify({ status: 400, headers: {}, body: JSON.stringify({ error: 'bad_thing', count: 3 }) }, data);
		expect(result.format).toBe('json');
	});
});
