/**
 * The snippets the guides show (src/snippets/, except retry.ts, which has its
 * own test): what readers copy must do what the guides say it does.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import {
	failedReads,
	isWriteError,
	nextStep,
	sortResults,
	type BulkWriteResponse,
	type DataModelSync,
} from '../../src/snippets/integration-labs-sync.ts';
import { atlasTypeUri, problemResponse, readProblem, validationProblem } from '../../src/snippets/problem-details.ts';
import {
	header,
	paceDelayMs,
	parseRateLimit,
	parseRetryAfter,
	retryDelayMs,
	waitFromHeaders,
} from '../../src/snippets/rate-limit-headers.ts';
import { unwrap } from '../../src/snippets/relayed-errors.ts';
import {
	logCode,
	minutesCovering,
	notificationReply,
	PAUSE_INTEGRATION,
	pauseIntegration,
	processError,
	PROCESS_ERROR,
	PUBLISH_ERROR,
	publishError,
	readLogCode,
	replyToPublishFailure,
	RETRY_LATER,
	shouldRetrySyncHive,
} from '../../src/snippets/synchive-connector.ts';

const { catalog } = await loadCatalog(process.cwd());

/** The body of a catalog example, as the guides show it. */
function exampleBody(name: string, index = 0): unknown {
	const example = catalog.code(name)?.examples[index];
	if (!example) throw new Error(`no example ${name}/${index}`);
	return example.body;
}

describe('synchive-connector', () => {
	it('retries only what SyncHive documents as retryable', () => {
		expect(shouldRetrySyncHive(500, exampleBody('synchive/retry-later'))).toBe(true);
		expect(shouldRetrySyncHive(500, { typeCode: 'RETRY_LATER' })).toBe(true);
		for (const status of [502, 503, 504]) expect(shouldRetrySyncHive(status, '<html></html>')).toBe(true);
		expect(shouldRetrySyncHive(500, { title: 'Retry later' })).toBe(false);
		expect(shouldRetrySyncHive(500, null)).toBe(false);
		expect(shouldRetrySyncHive(400, {})).toBe(false);
		expect(shouldRetrySyncHive(429, {})).toBe(false);
	});

	it('uses the documented type URIs', () => {
		expect(RETRY_LATER).toBe(catalog.code('synchive/retry-later')?.wireCode);
		expect(PUBLISH_ERROR).toBe(catalog.code('synchive/publish-error')?.wireCode);
		expect(PROCESS_ERROR).toBe(catalog.code('synchive/process-error')?.wireCode);
		expect(PAUSE_INTEGRATION).toBe(catalog.code('synchive/pause-integration')?.wireCode);
	});

	it('builds and reads log codes by range and level', () => {
		expect(logCode('contact', 5, 'E')).toBe('4005E');
		expect(logCode('data', 4, 'E')).toBe('1004E');
		expect(logCode('exchange', 999, 'N')).toBe('5999N');
		expect(() => logCode('logic', 1000, 'W')).toThrow(RangeError);
		expect(() => logCode('logic', 1.5, 'W')).toThrow(RangeError);
		expect(readLogCode('4005E')).toEqual({ area: 'contact', number: 5, level: 'E' });
		expect(readLogCode('3120W')).toEqual({ area: 'filter', number: 120, level: 'W' });
		for (const bad of ['4005', 'E4005', '4005e', '6001E', '0999E', ' 4005E']) expect(readLogCode(bad)).toBeNull();
	});

	it('reproduces the documented publish-error example', () => {
		const documented = exampleBody('synchive/publish-error') as Record<string, unknown>;
		const reply = publishError(
			{ detail: documented.detail as string, logCode: '4005E', retryable: false },
			documented.linkIdentities as Parameters<typeof publishError>[1]
		);
		expect(reply.status).toBe(500);
		expect(reply.headers['content-type']).toBe('application/json');
		expect(reply.body).toEqual(documented);
	});

	it('leaves out empty linkIdentities and an absent technicalInfo', () => {
		const reply = publishError(
			{ detail: 'x', logCode: '1001E', retryable: true },
			{ integrationKey: 'k', linkIdentities: [] }
		);
		expect(reply.body).toEqual({ type: PUBLISH_ERROR, detail: 'x', logCode: '1001E', retryable: true });
		expect(Object.keys(reply.body)).not.toContain('technicalInfo');
	});

	it('reproduces the documented process-error example', () => {
		const documented = exampleBody('synchive/process-error') as Record<string, unknown>;
		const reply = processError({ detail: documented.detail as string, logCode: '4003E', retryable: true });
		expect(reply.status).toBe(500);
		expect(reply.body).toEqual(documented);
	});

	it('reproduces the documented pause-integration shape', () => {
		const documented = exampleBody('synchive/pause-integration') as Record<string, unknown>;
		const reply = pauseIntegration(documented.message as string, '/connect-shopify-service/v1/data', 30);
		expect(reply.status).toBe(400);
		expect(reply.body).toEqual(documented);
		expect(pauseIntegration('m', '/p').body).not.toHaveProperty('backoffPeriodInMinutes');
	});

	it('rounds a wait up to whole minutes, at least one', () => {
		expect(minutesCovering(0)).toBe(1);
		expect(minutesCovering(59)).toBe(1);
		expect(minutesCovering(61)).toBe(2);
		expect(minutesCovering(1800)).toBe(30);
	});

	it('answers a notification with one of the two documented replies', () => {
		expect(notificationReply('CONTINUE').body).toEqual(exampleBody('synchive/reference-wont-resolve', 0));
		expect(notificationReply('CANCEL_PUBLISH').body).toEqual(exampleBody('synchive/reference-wont-resolve', 1));
	});

	it('maps an external failure to the reply SyncHive expects', () => {
		const limited = replyToPublishFailure(
			{ status: 429, retryAfterSeconds: 90, message: 'Too Many Requests' },
			'ShopifyNZ',
			'/connect-shopify-service/v1/data'
		);
		expect(limited.status).toBe(400);
		expect(limited.body).toMatchObject({ type: PAUSE_INTEGRATION, backoffPeriodInMinutes: 2 });

		const unlimited = replyToPublishFailure({ status: 429, retryAfterSeconds: null, message: '' }, 'S', '/p');
		expect(unlimited.body).not.toHaveProperty('backoffPeriodInMinutes');

		const auth = replyToPublishFailure({ status: 401, retryAfterSeconds: null, message: 'Invalid API key' }, 'S', '/p');
		expect(auth.status).toBe(500);
		expect(auth.body).toMatchObject({ type: PUBLISH_ERROR, logCode: '4005E', retryable: false });
		expect(auth.body.technicalInfo).toBe('S answered 401: Invalid API key');

		const down = replyToPublishFailure({ status: null, retryAfterSeconds: null, message: 'ECONNRESET' }, 'S', '/p');
		expect(down.body).toMatchObject({ logCode: '4003E', retryable: true });
		expect(down.body.technicalInfo).toBe('S answered nothing: ECONNRESET');
		expect(replyToPublishFailure({ status: 503, retryAfterSeconds: null, message: '' }, 'S', '/p').body).toMatchObject({
			retryable: true,
		});

		const links = { integrationKey: 'k', linkIdentities: [{ iri: 'https://x/P#1', externalId: '9' }] };
		const rejected = replyToPublishFailure(
			{ status: 422, retryAfterSeconds: null, message: 'bad sku' },
			'S',
			'/p',
			links
		);
		expect(rejected.body).toMatchObject({ logCode: '1010E', retryable: false, linkIdentities: links });
		for (const reply of [auth, down, rejected]) expect(readLogCode(reply.body.logCode as string)?.level).toBe('E');
	});
});

describe('rate-limit-headers', () => {
	const now = Date.parse('2026-03-12T18:00:00Z');

	it('reads headers whatever their case', () => {
		expect(header({ 'Retry-After': '5' }, 'retry-after')).toBe('5');
		expect(header({ 'retry-after': ' 5 ' }, 'Retry-After')).toBe('5');
		expect(header({}, 'Retry-After')).toBeUndefined();
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('120', {}, now)).toBe(120);
		expect(parseRetryAfter('Thu, 12 Mar 2026 18:01:30 GMT', {}, now)).toBe(90);
		expect(parseRetryAfter('Thu, 12 Mar 2026 17:00:00 GMT', {}, now)).toBe(0);
		expect(parseRetryAfter('soon', {}, now)).toBeNull();
		// Measured from the response's own Date header, not the local clock.
		const headers = { Date: 'Thu, 12 Mar 2026 18:00:50 GMT' };
		expect(parseRetryAfter('Thu, 12 Mar 2026 18:01:30 GMT', headers, now)).toBe(40);
	});

	it('prefers Retry-After, then a reset header of a used-up window', () => {
		expect(waitFromHeaders({ 'Retry-After': '7', 'RateLimit-Reset': '30', 'RateLimit-Remaining': '0' }, now)).toEqual({
			seconds: 7,
			header: 'Retry-After',
		});
		expect(waitFromHeaders({ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '6' }, now)).toEqual({
			seconds: 6,
			header: 'RateLimit-Reset',
		});
		expect(waitFromHeaders({ 'RateLimit-Remaining': '12', 'RateLimit-Reset': '6' }, now)).toBeNull();
		expect(waitFromHeaders({ 'Content-Type': 'application/json' }, now)).toBeNull();
	});

	it("reads the current draft's RateLimit field, policy by policy", () => {
		expect(parseRateLimit('"default";r=50;t=30')).toEqual([{ policy: 'default', remaining: 50, reset: 30 }]);
		expect(parseRateLimit('"burst";r=0;t=5, "day";r=900;t=40000, junk')).toEqual([
			{ policy: 'burst', remaining: 0, reset: 5 },
			{ policy: 'day', remaining: 900, reset: 40000 },
		]);
		// A used-up policy names the wait; the tightest policy sets the pace.
		expect(waitFromHeaders({ RateLimit: '"burst";r=0;t=5, "day";r=900;t=40000' }, now)).toEqual({
			seconds: 5,
			header: 'RateLimit',
		});
		expect(waitFromHeaders({ RateLimit: '"default";r=3;t=30' }, now)).toBeNull();
		expect(paceDelayMs({ RateLimit: '"second";r=10;t=1, "minute";r=6;t=60' }, now)).toBe(10_000);
	});

	it('adds jitter to a named wait, so clients cut off together do not return together', () => {
		const headers = { 'Retry-After': '20' };
		expect(retryDelayMs(headers, now, { random: () => 0 })).toBe(20_000);
		expect(retryDelayMs(headers, now, { random: () => 0.999 })).toBeGreaterThan(21_900);
		const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(headers, now)));
		expect(delays.size).toBeGreaterThan(40);
		for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(20_000);
		// Never earlier than asked, never longer than the caller will wait.
		expect(retryDelayMs({ 'Retry-After': '3600' }, now)).toBeNull();
		expect(retryDelayMs({ 'Retry-After': '3600' }, now, { maxWaitMs: 2 * 3600_000 })).toBeGreaterThanOrEqual(3_600_000);
		expect(retryDelayMs({}, now)).toBeNull();
	});

	it('reads the catalog example of a Botpress 429', () => {
		const example = catalog.code('botpress/rate-limited')?.examples[0];
		expect(waitFromHeaders(example?.headers ?? {}, now)).toEqual({ seconds: 6, header: 'RateLimit-Reset' });
	});

	it("reads GitHub's X-RateLimit-Reset as a Unix time", () => {
		const reset = String(Math.floor(now / 1000) + 300);
		expect(waitFromHeaders({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, now)).toEqual({
			seconds: 300,
			header: 'X-RateLimit-Reset',
		});
		expect(waitFromHeaders({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '45' }, now)?.seconds).toBe(45);
	});

	it('paces requests over what is left of the window', () => {
		expect(paceDelayMs({ 'X-RateLimit-Remaining': '20', 'X-RateLimit-Reset': '40' }, now)).toBe(2000);
		expect(paceDelayMs({ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '6' }, now)).toBe(6000);
		expect(paceDelayMs({ 'RateLimit-Remaining': 'lots', 'RateLimit-Reset': '6' }, now)).toBe(0);
		expect(paceDelayMs({}, now)).toBe(0);
	});
});

describe('integration-labs-sync', () => {
	const model = (data_model: string, status: string, failed_count = 0): DataModelSync => ({
		sync_id: 'H1HJT1UYdj0qncJ',
		data_model,
		total_count: 10,
		success_count: 10 - failed_count,
		failed_count,
		running_count: 0,
		pending_count: 0,
		start_time: '2023-12-01T08:17:29+00:00',
		end_time: '2023-12-01T08:17:43.047+00:00',
		status,
	});

	it('finds the data models whose read failed', () => {
		expect(
			failedReads([model('ACCOUNTS', 'SUCCESS'), model('INVOICES', 'FAILED'), model('BILLS', 'SUCCESS', 2)])
		).toEqual([
			{ dataModel: 'INVOICES', syncId: 'H1HJT1UYdj0qncJ', failed: 0, total: 10 },
			{ dataModel: 'BILLS', syncId: 'H1HJT1UYdj0qncJ', failed: 2, total: 10 },
		]);
		expect(failedReads([model('ACCOUNTS', 'SUCCESS')])).toEqual([]);
	});

	it('sorts bulk write results by record, keeping unknown error shapes raw', () => {
		const written = exampleBody('integration-labs/missing-params') as { error: unknown };
		const response: BulkWriteResponse = {
			data: {
				status: 'SUCCESS',
				upload_job_id: 'u1',
				data: [
					{ job_id: 'j0', status: 'success', response: { id: 1 }, error: null },
					{ job_id: 'j1', status: 'failed', response: null, error: written.error },
					{ job_id: 'j2', status: 'failed', response: null, error: 'timeout' },
				],
			},
			request_id: 'r1',
		};
		const sorted = sortResults(response);
		expect(sorted.written).toEqual([{ index: 0, jobId: 'j0', response: { id: 1 } }]);
		expect(sorted.failed.map((record) => record.index)).toEqual([1, 2]);
		expect(sorted.failed[0]?.error?.code).toBe('missing-params');
		expect(sorted.failed[1]?.error).toBeNull();
		expect(sorted.failed[1]?.raw).toBe('timeout');
	});

	it('recognises the documented error object', () => {
		for (const code of catalog.codes.filter((entry) => entry.source === 'integration-labs')) {
			expect(isWriteError((exampleBody(code.name) as { error: unknown }).error), code.name).toBe(true);
		}
		expect(isWriteError({ code: 'x', message: 'y' })).toBe(false);
		expect(isWriteError(null)).toBe(false);
	});

	it('says what to do next for every Integration Labs code', () => {
		const step = (code: string) => nextStep({ code, message: '', platform_error: '' });
		expect(step('missing-params')).toBe('fix-and-resend');
		expect(step('invalid-params')).toBe('fix-and-resend');
		expect(step('record-already-exists')).toBe('link-existing');
		expect(step('operation-denied')).toBe('end-user-acts');
		expect(step('internal-error')).toBe('check-then-retry');
		expect(step('unknown-error')).toBe('read-platform-error');
		expect(step('platform-denied')).toBe('read-platform-error');
		expect(nextStep(null)).toBe('read-platform-error');
	});
});

describe('relayed-errors', () => {
	it('finds the app status inside an Integry 200', () => {
		const outcome = unwrap(200, exampleBody('integry/network-409'));
		expect(outcome).toMatchObject({ failed: true, layer: 'integry', status: 200, appStatus: 409 });
		expect(unwrap(200, { network_code: '200', output: {}, _cursor: null })).toEqual({ failed: false });
		expect(unwrap(400, exampleBody('integry/function-not-run'))).toEqual({ failed: true, layer: 'http', status: 400 });
	});

	it('finds GraphQL errors under 200, with their codes and partial data', () => {
		const body = catalog.source('graphql')?.envelope?.example?.body;
		expect(unwrap(200, body)).toEqual({
			failed: true,
			layer: 'graphql',
			status: 200,
			codes: ['CAN_NOT_FETCH_BY_ID'],
			partial: true,
		});
		const requestError = {
			errors: [{ message: 'Cannot query field "nme".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
		};
		expect(unwrap(200, requestError)).toMatchObject({ layer: 'graphql', partial: false });
		expect(unwrap(200, { data: { node: null }, errors: [{ type: 'NOT_FOUND', message: 'x' }] })).toMatchObject({
			codes: ['NOT_FOUND'],
			partial: false,
		});
		expect(unwrap(200, { data: { viewer: { login: 'x' } } })).toEqual({ failed: false });
	});

	it("finds Slack's ok:false under 200", () => {
		const body = catalog.source('slack')?.envelope?.example?.body;
		expect(unwrap(200, body)).toEqual({ failed: true, layer: 'slack', status: 200, error: 'too_many_attachments' });
		expect(unwrap(200, { ok: true, warning: 'missing_charset' })).toEqual({ failed: false });
	});

	it('falls back to the HTTP status', () => {
		expect(unwrap(503, '<html>')).toEqual({ failed: true, layer: 'http', status: 503 });
		expect(unwrap(422, { message: 'Validation Failed', errors: [{ code: 'missing_field' }] })).toEqual({
			failed: true,
			layer: 'http',
			status: 422,
		});
		expect(unwrap(204, null)).toEqual({ failed: false });
	});
});

describe('problem-details', () => {
	it('builds a problem response with its media type', () => {
		const response = problemResponse({
			type: 'https://example.com/probs/out-of-credit',
			title: 'You do not have enough credit.',
			status: 403,
			detail: 'Your current balance is 30, but that costs 50.',
			instance: '/account/12345/msgs/abc',
			extensions: { balance: 30, accounts: ['/account/12345', '/account/67890'], status: 'ignored' },
		});
		expect(response.status).toBe(403);
		expect(response.headers['content-type']).toBe('application/problem+json');
		expect(response.body).toEqual({
			type: 'https://example.com/probs/out-of-credit',
			title: 'You do not have enough credit.',
			status: 403,
			detail: 'Your current balance is 30, but that costs 50.',
			instance: '/account/12345/msgs/abc',
			balance: 30,
			accounts: ['/account/12345', '/account/67890'],
		});
	});

	it("points a type URI at this site's code page", () => {
		expect(atlasTypeUri('https://errors.example.com', 'synchive/publish-error')).toBe(
			'https://errors.example.com/codes/synchive/publish-error/'
		);
	});

	it('lists several problems of one type in an errors extension', () => {
		const response = validationProblem('https://api.example.com/problems/validation', [
			{ detail: 'must be a positive integer', pointer: '/items/0/quantity' },
			{ detail: 'is required', pointer: '/customer_id' },
		]);
		expect(response.status).toBe(422);
		expect(response.body.errors).toEqual([
			{ detail: 'must be a positive integer', pointer: '/items/0/quantity' },
			{ detail: 'is required', pointer: '/customer_id' },
		]);
		expect(response.body.detail).toBe('2 fields are not valid.');
		expect(response.body).not.toHaveProperty('instance');
	});

	it('ignores members of the wrong type, as RFC 9457 requires', () => {
		expect(readProblem({ type: 42, status: '409', title: 'Conflict', detail: ['x'], instance: 7, code: 'E1' })).toEqual(
			{
				type: 'about:blank',
				title: 'Conflict',
				extensions: { code: 'E1' },
			}
		);
		expect(readProblem(exampleBody('datafold/integrity'))).toEqual({
			type: '/errors/integrity',
			title: 'Uniqueness violation',
			status: 409,
			detail: 'The resource with email=hello@example.com already exists.',
			instance: '2022-02-08T14:30:55.851512Z/gs8ueabo/11840',
			extensions: {},
		});
		expect(readProblem('<html>')).toBeNull();
		expect(readProblem([])).toBeNull();
	});
});

describe('the snippets stand alone', () => {
	it('import nothing from the site: a reader can copy each file into their own project', async () => {
		const { readdir, readFile } = await import('node:fs/promises');
		const dir = 'src/snippets';
		for (const file of await readdir(dir)) {
			const source = await readFile(`${dir}/${file}`, 'utf8');
			const imports = [...source.matchAll(/^import\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]);
			for (const target of imports) expect(target, `${file} imports ${target}`).not.toMatch(/^\.\.?\//);
		}
	});
});
