/**
 * The playground as a user meets it: paste any form of response and read the
 * verdict; load examples; check a response against its contract; share a
 * case with secrets masked. And what must hold: nothing leaves the browser,
 * nothing pasted runs, big input never freezes the page, the keyboard is enough.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { exampleToHttp } from '../../src/catalog/example.ts';
import { loadCatalog } from '../../src/catalog/load.ts';

const { catalog } = await loadCatalog(process.cwd());

const botpressLocked =
	'{"id":"err_20260114093512x4F2A9C1E","code":409,"type":"ResourceLockedConflict","message":"The table is locked by another operation","metadata":{}}';

async function open(page: Page, hash = ''): Promise<void> {
	await page.goto(`/playground/${hash}`);
	await expect(page.getByLabel(/^Response:/)).toBeVisible();
}

function input(page: Page) {
	return page.getByLabel(/^Response:/);
}

function card(page: Page) {
	return page.locator('section.atlas-pg-card').filter({ has: page.locator('#atlas-pg-title') });
}

test('a raw response gives the code, status, category, retry verdict, steps, fields and evidence', async ({ page }) => {
	await open(page);
	await input(page).fill(
		`HTTP/1.1 409 Conflict\nContent-Type: application/json\nX-Request-Id: req_7f3a\n\n${botpressLocked}`
	);
	const result = card(page);
	await expect(result.getByRole('heading', { level: 2 })).toHaveText(
		catalog.code('botpress/resource-locked-conflict')?.title ?? ''
	);
	await expect(result.getByRole('link', { name: 'botpress/resource-locked-conflict' })).toHaveAttribute(
		'href',
		'/codes/botpress/resource-locked-conflict/'
	);
	await expect(result.getByRole('link', { name: '409' })).toHaveAttribute('href', '/status/409/');
	await expect(result.getByRole('link', { name: 'locked', exact: true })).toHaveAttribute(
		'href',
		'/categories/locked/'
	);
	await expect(result.locator('.atlas-verdict')).toHaveText(/Retry/);
	await expect(result.getByRole('heading', { name: 'Next steps' })).toBeVisible();
	await expect(result.locator('ol li').first()).toBeVisible();
	await expect(result.getByRole('row', { name: /Request id/ })).toContainText('req_7f3a');
	await expect(result.getByRole('button', { name: 'Copy Request id' })).toBeVisible();
	await result.getByText(/^Evidence/).click();
	await expect(result.locator('.atlas-pg-evidence li').first()).toBeVisible();
	// The body is pretty-printed, highlighted, and the deciding member is marked.
	const body = page.locator('.atlas-pg-body');
	await expect(body).toContainText('"type": "ResourceLockedConflict"');
	await expect(body.locator('mark', { hasText: '"type"' })).toHaveCount(1);
	await expect(page.getByRole('status')).toContainText('Resource locked');
});

test('each input form is understood', async ({ page }) => {
	await open(page);
	const forms: [string, string, RegExp][] = [
		[
			'curl -v',
			`*   Trying 127.0.0.1:443...\n> POST /v1/tables HTTP/2\n>\n< HTTP/2 409\n< content-type: application/json\n<\n${botpressLocked}\n* Connection #0 left intact`,
			/botpress\/resource-locked-conflict/,
		],
		[
			'object',
			JSON.stringify({ status: 429, headers: { 'Retry-After': '30' }, body: '{"ok":false,"error":"ratelimited"}' }),
			/Retry after 30 seconds/,
		],
		[
			'HAR',
			JSON.stringify({
				log: {
					version: '1.2',
					entries: [
						{ request: { url: 'https://x.test/ok' }, response: { status: 200, headers: [], content: { text: '{}' } } },
						{
							request: { url: 'https://x.test/a' },
							response: { status: 409, headers: [], content: { text: botpressLocked } },
						},
					],
				},
			}),
			/botpress\/resource-locked-conflict/,
		],
		[
			'XML',
			'<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>',
			/not-found/,
		],
	];
	for (const [, text, expected] of forms) {
		await input(page).fill(text);
		await expect(card(page)).toContainText(expected);
	}
});

test('a body alone takes its status and headers from the small fields', async ({ page }) => {
	await open(page);
	await input(page).fill('{"message":"Too Many Requests"}');
	await expect(card(page)).toContainText('None given');
	await page.getByText('Status and headers, for a body pasted alone').click();
	await page.getByLabel('HTTP status').fill('429');
	await page.getByLabel(/^Headers, one/).fill('Retry-After: 12');
	await expect(card(page).locator('.atlas-verdict')).toHaveText('Retry after 12 seconds');
	await expect(card(page).getByRole('link', { name: '429' })).toBeVisible();
});

test('relayed failures under HTTP 200 are explained in both layers', async ({ page }) => {
	await open(page);
	await input(page).fill(
		'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"network_code":"409","output":{"status":"error","message":"Contact already exists. Existing ID: 51","correlationId":"c0ffee","category":"CONFLICT"},"_cursor":null}'
	);
	await expect(card(page).getByRole('link', { name: 'integry/network-409' })).toBeVisible();
	await expect(card(page).locator('.atlas-pg-layers')).toContainText('HTTP 200');
	await input(page).fill('HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"ok":false,"error":"channel_not_found"}');
	await expect(card(page).locator('.atlas-pg-layers')).toContainText('200 OK');
	await expect(card(page)).toContainText('not-found');
});

test('a relay of a vendor error links both codes, and the vendor’s code decides', async ({ page }) => {
	await open(page);
	await input(page).fill(
		'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"network_code":402,"output":{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds."}}}'
	);
	await expect(card(page).getByRole('link', { name: 'integry/network-402' })).toBeVisible();
	await expect(card(page).getByRole('link', { name: 'stripe/decline-insufficient-funds' })).toBeVisible();
	await expect(card(page).getByRole('link', { name: 'payment' })).toBeVisible();
	await expect(card(page).locator('.atlas-verdict')).toHaveText('Do not retry: fix first');
});

test('the menu offers every example, and each system’s load and classify to their own code', async ({ page }) => {
	test.setTimeout(180_000);
	await open(page);
	const select = page.getByLabel('Load an example');
	const values = await select
		.locator('option')
		.evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
	const total = catalog.codes.reduce((sum, code) => sum + code.examples.length, 0);
	expect(values).toHaveLength(total);
	// Every example is classified in Node by the unit tests; in the browser, through the menu and the
	// worker, every example of the five platforms and the first example of every other system.
	const platforms = new Set(catalog.sources.filter((source) => source.kind === 'platform').map((source) => source.id));
	const seen = new Set<string>();
	const sample = values.filter((value) => {
		const source = value.split('/')[0] ?? '';
		if (platforms.has(source)) return true;
		if (seen.has(source)) return false;
		seen.add(source);
		return true;
	});
	for (const value of sample) {
		const name = value.split('/').slice(0, 2).join('/');
		await select.selectOption(value);
		await expect(input(page)).not.toHaveValue('');
		// Gateway pages and about:blank problems do not name their platform: they still get their status.
		const code = catalog.code(name);
		await expect(card(page).getByRole('heading', { level: 2 }), value).toBeVisible();
		if (
			!/^(synchive\/(bad-gateway|service-unavailable|gateway-timeout)|datafold\/(authentication-required|access-denied|not-found|client-error|server-error|invalid-input))$/.test(
				name
			)
		) {
			await expect(card(page).getByRole('link', { name }), value).toBeVisible();
		} else {
			await expect(card(page), value).toContainText(String(code?.examples[Number(value.split('/')[2])]?.status));
		}
	}
});

test('"Try it in the playground" on a code page opens the playground with its example', async ({ page }) => {
	await page.goto('/codes/synchive/publish-error/');
	await page.getByRole('link', { name: 'Try it in the playground' }).first().click();
	await expect(page).toHaveURL(/\/playground\/#example=synchive%2Fpublish-error%2F0$/);
	const code = catalog.code('synchive/publish-error');
	const example = code?.examples[0];
	await expect(input(page)).toHaveValue(example ? exampleToHttp(example, catalog.status(example.status)?.name) : '');
	await expect(card(page).getByRole('link', { name: 'synchive/publish-error' })).toBeVisible();
	await expect(card(page)).toContainText('logCode 4005E');
});

test('check my response: RFC 9457 and SyncHive findings point at lines and say how to fix them', async ({ page }) => {
	await open(page);
	await page.getByLabel('Check my API’s error response').check();
	await input(page).fill(
		'HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{\n  "type": 42,\n  "title": "Not found",\n  "status": "404"\n}'
	);
	const findings = page.locator('.atlas-pg-finding');
	await expect(findings.first()).toBeVisible();
	await expect(page.locator('.atlas-pg-findings')).toContainText('line 5');
	await expect(page.locator('.atlas-pg-findings')).toContainText('Fix:');
	await page.getByLabel('Contract', { exact: true }).selectOption('synchive-publish-error');
	await input(page).fill(
		'HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\n  "type": "http://www.synchive.com/common/publish-error",\n  "detail": "Could not connect",\n  "logCode": "E4005",\n  "retryable": "no"\n}'
	);
	await expect(page.locator('.atlas-pg-findings')).toContainText('line 1');
	await expect(page.locator('.atlas-pg-findings')).toContainText('logCode');
	await expect(page.locator('.atlas-pg-findings')).toContainText('line 7');
	await expect(page.locator('.atlas-pg-findings')).toContainText('line 8');
});

test('sharing masks secrets, shows what was masked, and the link restores the case', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page);
	const secret = 'sk_live_51Habcdefghijklmnopqrstuvwxyz0123456789';
	await input(page).fill(
		`HTTP/1.1 402 Payment Required\nContent-Type: application/json\nAuthorization: Bearer ${secret}\n\n{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.","customer_email":"jane.doe@example.com"}}`
	);
	await expect(card(page)).toContainText('payment');
	await page.getByRole('button', { name: 'Share this case…' }).click();
	const panel = page.getByRole('region', { name: 'Share link' });
	await expect(panel).toContainText(/authorization|bearer/i);
	await expect(panel).toContainText('email');
	await expect(panel).not.toContainText(secret);
	await panel.getByRole('button', { name: 'Copy link' }).click();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(/\/playground\/#input=/);
	const other = await context.newPage();
	await other.goto(link);
	await expect(other.getByLabel(/^Response:/)).not.toHaveValue('');
	const restored = await other.getByLabel(/^Response:/).inputValue();
	expect(restored).not.toContain(secret);
	expect(restored).not.toContain('jane.doe@');
	expect(restored).toContain('card_declined');
	await expect(other.locator('section.atlas-pg-card')).toContainText('payment');
});

test('nothing pasted leaves the browser: no request while pasting and classifying', async ({ page }) => {
	await open(page);
	// Starlight loads its search UI when the browser is first idle: let the page finish loading.
	await page.locator('site-search input').waitFor({ state: 'attached' });
	await page.waitForLoadState('networkidle');
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	for (const text of [
		`HTTP/1.1 409 Conflict\nContent-Type: application/json\n\n${botpressLocked}`,
		'<html><head><title>502 Bad Gateway</title></head><body><img src="https://tracker.test/x.png"><center>nginx</center></body></html>',
		'{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403}',
	]) {
		await input(page).fill(text);
		await expect(card(page)).toBeVisible();
	}
	await page.getByLabel('Check my API’s error response').check();
	await expect(page.locator('#atlas-pg-lint-title')).toBeVisible();
	expect(requests).toEqual([]);
});

test('nothing pasted runs or renders as HTML', async ({ page }) => {
	await open(page);
	const attacks = [
		'<script>window.__pwned = 1</script>',
		'<img src=x onerror="window.__pwned = 2">',
		'{"message":"<img src=x onerror=\\"window.__pwned=3\\">","documentation_url":"javascript:window.__pwned=4"}',
		'HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\n\n<html><head><title>Oops</title></head><body><script>window.__pwned=5</script><a href="javascript:window.__pwned=6">x</a></body></html>',
	];
	for (const attack of attacks) {
		await input(page).fill(attack);
		await expect(card(page)).toBeVisible();
		for (const link of await page.locator('.atlas-pg-results a').all()) {
			expect(await link.getAttribute('href')).not.toMatch(/^javascript:/i);
		}
		await expect(page.locator('.atlas-pg-results img, .atlas-pg-results script')).toHaveCount(0);
	}
	await expect(page.locator('.atlas-pg-body')).toContainText('<script>window.__pwned=5</script>');
	expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a 5 MB paste never freezes the page: classification runs off the main thread @solo', async ({ page }) => {
	await open(page);
	// Paste 5 MB the way a browser does: the value changes and an input event fires.
	const size = await page.evaluate(async () => {
		const errors = Array.from({ length: 80_000 }, (_, i) => ({
			pointer: `/items/${i}`,
			detail: 'is required and must not be empty',
		}));
		const body = JSON.stringify({
			type: 'https://example.com/probs/validation',
			title: 'Invalid',
			status: 422,
			errors,
		});
		const text = `HTTP/1.1 422 Unprocessable Content\nContent-Type: application/problem+json\n\n${body}`;
		const global = window as unknown as { __longest: number };
		global.__longest = 0;
		const textarea = document.querySelector('textarea.atlas-pg-input') as HTMLTextAreaElement;
		// React tracks the value it set; the native setter makes this look like user input.
		const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
		setter?.call(textarea, text);
		textarea.dispatchEvent(new Event('input', { bubbles: true }));
		// Laying out 5 MB in a textarea costs the browser one long task, ours or not (about 0.3 s in a
		// bare textarea here). Measure from the next frames on: parsing, classifying and highlighting
		// 5 MB happen then, and must not block the page.
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) global.__longest = Math.max(global.__longest, entry.duration);
		}).observe({ type: 'longtask' });
		return text.length;
	});
	expect(size).toBeGreaterThan(5_000_000);
	await expect(card(page)).toContainText('validation', { timeout: 30_000 });
	await expect(page.locator('.atlas-pg-body figcaption')).toContainText(/first [\d,]+ characters/);
	const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
	expect(longest).toBeLessThan(200);
});

test('the playground works from the keyboard alone', async ({ page }) => {
	await open(page);
	await page.getByLabel('Explain a response I got').focus();
	await expect(page.getByLabel('Explain a response I got')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Load an example')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(input(page)).toBeFocused();
	await page.keyboard.type('{"ok":false,"error":"invalid_auth"}');
	await expect(card(page)).toContainText('authentication');
	// Into the results by Tab, and follow the code or category link with Enter.
	for (let i = 0; i < 15; i++) {
		await page.keyboard.press('Tab');
		const href = await page.evaluate(() =>
			(document.activeElement as HTMLAnchorElement | null)?.getAttribute?.('href')
		);
		if (href === '/categories/authentication/') break;
	}
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/categories\/authentication\/$/);
});

for (const theme of ['dark', 'light'] as const) {
	test(`the playground has no axe violations with a result (${theme}, phone width)`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
		await open(page, '#example=botpress%2Fresource-locked-conflict%2F0');
		await expect(card(page)).toBeVisible();
		await page.getByText(/^Evidence/).click();
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(
			results.violations.map(
				(violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
			)
		).toEqual([]);
		// Nothing overflows the phone's width.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	});
}

test('at 1280×800 the verdict sits beside the input, in view after a paste', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await open(page);
	await expect(page.locator('main')).toContainText('its category and status');
	await input(page).fill(`HTTP/1.1 409 Conflict\nContent-Type: application/json\n\n${botpressLocked}`);
	const verdict = card(page).locator('#atlas-pg-title');
	await expect(verdict).toBeVisible();
	const box = await verdict.boundingBox();
	const field = await input(page).boundingBox();
	expect(box && box.y + box.height).toBeLessThanOrEqual(800);
	// Side by side: the answer starts to the right of the input, not below it.
	expect(box && field && box.x).toBeGreaterThan((field?.x ?? 0) + (field?.width ?? 0) - 1);
	// Each radio button is centred on its label's line.
	for (const label of await page.locator('.atlas-pg-modes label').all()) {
		const [radio, whole] = [await label.locator('input').boundingBox(), await label.boundingBox()];
		const middle = (box: { y: number; height: number } | null) => (box ? box.y + box.height / 2 : 0);
		expect(Math.abs(middle(radio) - middle(whole))).toBeLessThan(3);
	}
});

test('on a phone the verdict comes first, above the input', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page);
	await input(page).fill(`HTTP/1.1 409 Conflict\nContent-Type: application/json\n\n${botpressLocked}`);
	const verdict = card(page).locator('#atlas-pg-title');
	await expect(verdict).toBeVisible();
	const box = await verdict.boundingBox();
	const field = await input(page).boundingBox();
	expect(box?.y ?? 0).toBeLessThan(field?.y ?? 0);
});
