/**
 * `error-atlas mcp`, driven the way an agent drives it: the SDK's own client
 * spawns the real command and talks to it over standard input and output.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin', 'error-atlas.ts');
const SITE = 'https://atlas.example/error-atlas';

const cardDeclined = [
	'HTTP/1.1 402 Payment Required',
	'Content-Type: application/json',
	'Request-Id: req_8Hq3Xl2mQe5Tz1',
	'',
	JSON.stringify({
		error: {
			code: 'card_declined',
			message: 'Your card was declined.',
			type: 'card_error',
			doc_url: 'https://stripe.com/docs/error-codes/card-declined',
		},
	}),
].join('\r\n');

let client: Client;
let stderr = '';

/** Calls a tool; a protocol error (the SDK's rejection) comes back as its message, like an error result. */
async function call(
	name: string,
	args: Record<string, unknown>
): Promise<{ isError: boolean; text: string; result?: CallToolResult }> {
	try {
		const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
		const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
		return { isError: result.isError === true, text, result };
	} catch (error) {
		return { isError: true, text: (error as Error).message };
	}
}

beforeAll(async () => {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
	const transport = new StdioClientTransport({
		command: process.execPath,
		args: [BIN, 'mcp'],
		env: { ...env, ERROR_ATLAS_SITE: SITE },
		stderr: 'pipe',
	});
	transport.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString('utf8');
	});
	client = new Client({ name: 'error-atlas-test', version: '1.0.0' });
	await client.connect(transport, { timeout: 60_000 });
}, 90_000);

afterAll(async () => {
	await client?.close();
});

describe('error-atlas mcp', () => {
	it('offers three tools, each with an input schema', async () => {
		const { tools } = await client.listTools();
		expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_response', 'list_codes', 'lookup_code']);
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		expect(byName.explain_response?.inputSchema.properties).toHaveProperty('response');
		expect(byName.explain_response?.inputSchema.properties).toHaveProperty('response_object');
		expect(byName.lookup_code?.inputSchema.required).toEqual(['code']);
		expect(byName.list_codes?.inputSchema.properties).toHaveProperty('category');
		// Logs go to standard error; standard output carried only the protocol, or the client would have failed.
		expect(stderr).toContain('serving');
	});

	it('explains a raw Stripe response: the code, its category and its page', async () => {
		const { isError, text, result } = await call('explain_response', { response: cardDeclined });
		expect(isError).toBe(false);
		const structured = result?.structuredContent as Record<string, unknown>;
		expect(structured).toMatchObject({
			format: 'stripe',
			code: 'stripe/card-declined',
			category: 'payment',
			status: 402,
			url: `${SITE}/codes/stripe/card-declined/`,
		});
		expect(JSON.parse(text)).toMatchObject({ code: 'stripe/card-declined' });
	});

	it('explains the object form too', async () => {
		const { isError, result } = await call('explain_response', {
			response_object: {
				status: 500,
				headers: { 'content-type': 'application/json' },
				body: '{"type":"http://www.meaningful.co.nz/limber-sync/retry-later","typeCode":"RETRY_LATER","status":500,"title":"Retry later"}',
			},
		});
		expect(isError).toBe(false);
		expect(result?.structuredContent).toMatchObject({ code: 'synchive/retry-later', retryable: true });
	});

	it('looks a wire code up the way the site search does', async () => {
		const { isError, result } = await call('lookup_code', { code: 'RETRY_LATER' });
		expect(isError).toBe(false);
		const matches = (result?.structuredContent as { matches: Record<string, unknown>[] }).matches;
		expect(matches[0]).toMatchObject({
			name: 'synchive/retry-later',
			retryable: true,
			url: `${SITE}/codes/synchive/retry-later/`,
		});
		expect(matches[0]?.fixes).toEqual(expect.arrayContaining([expect.any(String)]));
		expect(matches[0]?.references).toEqual(
			expect.arrayContaining([{ title: expect.any(String), url: expect.stringMatching(/^https?:/) }])
		);
		const qualified = await call('lookup_code', { code: 'card_declined', system: 'stripe' });
		expect((qualified.result?.structuredContent as { matches: { name: string }[] }).matches.map((m) => m.name)).toEqual(
			['stripe/card-declined']
		);
	});

	it('lists codes of a system a page at a time', async () => {
		const first = await call('list_codes', { system: 'stripe', limit: 5 });
		expect(first.isError).toBe(false);
		const page = first.result?.structuredContent as { codes: { name: string }[]; nextCursor?: string };
		expect(page.codes).toHaveLength(5);
		expect(page.codes.every((code) => code.name.startsWith('stripe/'))).toBe(true);
		expect(page.nextCursor).toEqual(expect.any(String));
		const second = await call('list_codes', { system: 'stripe', limit: 5, cursor: page.nextCursor });
		const next = second.result?.structuredContent as { codes: { name: string }[] };
		expect(next.codes[0]?.name).not.toBe(page.codes[0]?.name);
	});

	it('answers bad input with a clear error, and keeps serving', async () => {
		const missing = await call('explain_response', {});
		expect(missing.isError).toBe(true);
		expect(missing.text).toMatch(/response/);

		const wrongType = await call('explain_response', { response: 42 });
		expect(wrongType.isError).toBe(true);

		const nonsense = await call('lookup_code', { code: 'zz-no-such-code-qq' });
		expect(nonsense.isError).toBe(true);
		expect(nonsense.text).toContain('No code "zz-no-such-code-qq"');
		expect(nonsense.text).toContain('Hint:');

		const tooMany = await call('list_codes', { limit: 10_000 });
		expect(tooMany.isError).toBe(true);
		expect(tooMany.text).toMatch(/limit must be at most 200/);

		const badCategory = await call('list_codes', { category: 'nonsense' });
		expect(badCategory.isError).toBe(true);
		expect(badCategory.text).toMatch(/category/);

		const huge = await call('explain_response', { response: 'x'.repeat(2_000_001) });
		expect(huge.isError).toBe(true);
		expect(huge.text).toMatch(/too long/);

		const after = await call('lookup_code', { code: 'stripe/card-declined' });
		expect(after.isError).toBe(false);
	});

	it('lists code resources in pages and reads one by its page URL', async () => {
		const first = await client.listResources();
		expect(first.resources.length).toBeGreaterThan(0);
		expect(first.nextCursor).toEqual(expect.any(String));
		expect(first.resources[0]?.uri).toMatch(new RegExp(`^${SITE}/codes/[a-z0-9-]+/[a-z0-9-]+/$`));

		const uri = `${SITE}/codes/stripe/card-declined/`;
		const { contents } = await client.readResource({ uri });
		expect(contents[0]).toMatchObject({ uri, mimeType: 'application/json' });
		const entry = JSON.parse((contents[0] as { text: string }).text);
		expect(entry).toMatchObject({
			name: 'stripe/card-declined',
			url: '/codes/stripe/card-declined/',
			json: '/codes/stripe/card-declined.json',
		});

		await expect(client.readResource({ uri: `${SITE}/codes/stripe/no-such-code/` })).rejects.toThrow(/No code at/);
	});
});
