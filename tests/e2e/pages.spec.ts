/**
 * The reference as a reader meets it: every page exists, each kind of page
 * shows what it promises, and the links between codes, statuses, categories
 * and sources lead where they say.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/catalog/load.ts';
import { CATEGORIES } from '../../src/catalog/categories.ts';
import { categoryUrl, codeUrl, sourceUrl, statusUrl } from '../../src/catalog/urls.ts';

const { catalog } = await loadCatalog(process.cwd());

/** The text of a page's h1, as a reader sees it (tags dropped, entities decoded). */
function headingText(html: string): string | undefined {
	const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
	return /<h1[^>]*>([\s\S]*?)<\/h1>/
		.exec(html)?.[1]
		?.replace(/<[^>]+>/g, '')
		.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? '')
		.trim();
}

test('every code, status, category and source has its page', async ({ request }) => {
	const pages = [
		...catalog.codes.map((code) => ({ url: codeUrl(code.name), title: code.title })),
		...catalog.statuses.map((entry) => ({ url: statusUrl(entry.status), title: `${entry.status} ${entry.name}` })),
		...CATEGORIES.map((category) => ({ url: categoryUrl(category.id), title: category.title })),
		...catalog.sources.map((source) => ({ url: sourceUrl(source.id), title: source.name })),
	];
	for (const { url, title } of pages) {
		const response = await request.get(url);
		expect(response.status(), url).toBe(200);
		const html = await response.text();
		expect(headingText(html), url).toBe(title);
	}
});

test('a code page shows status, category, retry verdict, fixes, fields, examples and references', async ({ page }) => {
	await page.goto('/codes/integration-labs/missing-params/');
	const code = catalog.code('integration-labs/missing-params');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(code?.title ?? '');
	const facts = page.locator('.atlas-facts');
	await expect(facts.getByRole('link', { name: /^400 Bad Request$/ })).toHaveAttribute('href', '/status/400/');
	await expect(facts.getByRole('link', { name: 'Validation' })).toHaveAttribute('href', '/categories/validation/');
	await expect(facts).toContainText('Do not retry: fix first');
	await expect(facts).toContainText('Missing required field: {field_name}');
	for (const heading of [
		'What it means',
		'Likely causes',
		'How to fix it',
		'Reading the body',
		'Example responses',
		'References',
	]) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	await expect(page.locator('.atlas-table').getByText('error.code', { exact: true }).first()).toBeVisible();
	await expect(page.locator('.atlas-role-legend')).toContainText('Contract stable, branch on it');
	await expect(page.locator('.atlas-role-legend')).toContainText('Prose for people, never parse it');
	const example = page.locator('.atlas-example').first();
	await expect(example).toContainText('HTTP/1.1 400 Bad Request');
	await expect(example).toContainText('"code": "missing-params"');
	// Shiki colours the tokens, and Expressive Code adds a copy button.
	expect(await example.locator('.ec-line span[style*="--"]').count()).toBeGreaterThan(3);
	await expect(example.getByRole('button', { name: /copy/i })).toBeVisible();
	await expect(page.getByRole('link', { name: /Integration Labs/ }).first()).toBeVisible();
});

test('the copy button copies the raw example response', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/codes/botpress/resource-locked-conflict/');
	await page.locator('.atlas-example').first().getByRole('button', { name: /copy/i }).click();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toMatch(/^HTTP\/1\.1 409 Conflict\n/);
	expect(copied).toContain('"type": "ResourceLockedConflict"');
});

test('code → status → code → category → source links lead where they say', async ({ page }) => {
	await page.goto('/codes/botpress/resource-locked-conflict/');
	await page.locator('.atlas-facts').getByRole('link', { name: /^409 / }).click();
	await expect(page).toHaveURL(/\/status\/409\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('409 Conflict');
	// The status page lists every catalog code with 409, across sources.
	for (const code of catalog.codesWithStatus(409)) {
		await expect(page.locator(`main a[href="${codeUrl(code.name)}"]`)).toHaveCount(1);
	}
	await page.locator('main a[href="/codes/datafold/integrity/"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalog.code('datafold/integrity')?.title ?? '');
	await page.locator('.atlas-facts').getByRole('link', { name: 'Conflict', exact: true }).click();
	await expect(page).toHaveURL(/\/categories\/conflict\/$/);
	for (const code of catalog.codesInCategory('conflict')) {
		await expect(page.locator(`main a[href="${codeUrl(code.name)}"]`)).toHaveCount(1);
	}
	await page.locator('main a[href="/codes/integration-labs/record-already-exists/"]').click();
	await page.locator('.atlas-kicker a').click();
	await expect(page).toHaveURL(/\/sources\/integration-labs\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Integration Labs');
});

test('a status page shows meaning, retry semantics and its RFC section', async ({ page }) => {
	await page.goto('/status/429/');
	const facts = page.locator('.atlas-facts');
	await expect(facts.getByRole('link', { name: /RFC 6585, section 4/ })).toHaveAttribute('href', /rfc6585/);
	await expect(facts.getByRole('link', { name: 'Rate limit' })).toBeVisible();
	await expect(page.getByText('Retrying:')).toBeVisible();
	await expect(page.locator('main a[href="/codes/botpress/rate-limited/"]')).toHaveCount(1);
});

test('a source page shows the envelope, how to read it, the logCode scheme and all its codes', async ({ page }) => {
	await page.goto('/sources/synchive/');
	await expect(page.getByRole('heading', { level: 2, name: 'The error envelope' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'How to read it' })).toBeVisible();
	await expect(page.getByText('4005E').first()).toBeVisible();
	const table = page.locator('table', { has: page.getByRole('columnheader', { name: 'Code' }) });
	for (const code of catalog.codesOfSource('synchive')) {
		await expect(table.locator(`a[href="${codeUrl(code.name)}"]`)).toHaveCount(1);
	}
});

test('the sidebar lists index pages and guides, never individual codes', async ({ page }) => {
	await page.goto('/codes/botpress/forbidden/');
	const sidebar = page.locator('#starlight__sidebar');
	await expect(sidebar.getByRole('link', { name: 'All codes' })).toHaveAttribute('href', '/codes/');
	await expect(sidebar.getByRole('link', { name: 'HTTP statuses' })).toBeVisible();
	await expect(sidebar.getByRole('link', { name: 'SyncHive', exact: true })).toBeVisible();
	await expect(sidebar.getByRole('link', { name: 'Reading an error response' })).toBeVisible();
	expect(await sidebar.locator('a[href^="/codes/"]:not([href="/codes/"])').count()).toBe(0);
	expect(await sidebar.locator('a[href^="/status/"]:not([href="/status/"])').count()).toBe(0);
	// Every group label is capitalised, the walkthroughs' directory included.
	const labels = await sidebar.locator('details > summary .group-label').allTextContents();
	expect(labels).toContain('Walkthroughs');
	for (const label of labels) expect(label.trim(), label).toMatch(/^[A-Z]/);
});

test('/catalog.json holds the whole catalog with page URLs', async ({ request }) => {
	const json = await (await request.get('/catalog.json')).json();
	expect(json.codes).toHaveLength(catalog.codes.length);
	expect(json.statuses).toHaveLength(catalog.statuses.length);
	expect(json.codes.find((code: { name: string }) => code.name === 'synchive/retry-later').url).toBe(
		'/codes/synchive/retry-later/'
	);
	const schema = await (await request.get('/catalog.schema.json')).json();
	expect(schema.properties.codes.type).toBe('array');
});

test('an unknown URL gets a 404 page with search and the playground', async ({ page }) => {
	const response = await page.goto('/codes/botpress/no-such-type/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('site-search')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.locator('main a[href="/playground/"]')).toBeVisible();
});

test('a code page says where its entry lives and when it last changed', async ({ page }) => {
	await page.goto('/codes/stripe/card-declined/');
	const provenance = page.locator('.atlas-provenance');
	// Without REPOSITORY_URL (or GitHub Actions' variables) the build names the file; with them, it links to the editor.
	await expect(provenance).toContainText(/content\/catalog\/codes\/stripe\.yaml, line \d+\.|Edit this entry/);
	await expect(provenance.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
});

test('a code page offers its entry as JSON, and the JSON is the entry', async ({ page, request }) => {
	await page.goto('/codes/stripe/card-declined/');
	const alternate = page.locator('link[rel="alternate"][type="application/json"]');
	await expect(alternate).toHaveAttribute('href', '/codes/stripe/card-declined.json');
	const response = await request.get('/codes/stripe/card-declined.json');
	expect(response.headers()['content-type']).toContain('application/json');
	const json = await response.json();
	expect(json).toMatchObject({
		name: 'stripe/card-declined',
		wireCode: 'card_declined',
		category: 'payment',
		url: '/codes/stripe/card-declined/',
		sourceName: 'Stripe',
	});
});

test('llms.txt lists every page with absolute URLs, and llms-full.txt holds the code pages', async ({ request }) => {
	const index = await (await request.get('/llms.txt')).text();
	expect(index).toMatch(/^# Error Atlas\n\n> /);
	expect(index).toMatch(/\(https?:\/\/[^)]+\/codes\/stripe\/card-declined\/\)/);
	expect(index).toMatch(/\(https?:\/\/[^)]+\/guides\/receiving-webhooks\/\)/);
	const full = await (await request.get('/llms-full.txt')).text();
	expect(full).toContain('## Card declined');
	expect(full).toContain('Code: stripe/card-declined; sent as `card_declined`');
	expect(full.length).toBeGreaterThan(index.length);
});

test('the envelopes are served as OpenAPI components', async ({ request }) => {
	const response = await request.get('/openapi/problem-responses.yaml');
	expect(response.headers()['content-type']).toContain('yaml');
	const text = await response.text();
	expect(text).toMatch(/^openapi: 3\.1\.0$/m);
	expect(text).toContain('SynchiveError:');
});

test('robots.txt and the sitemap are served', async ({ request }) => {
	expect(await (await request.get('/robots.txt')).text()).toContain('Allow: /');
	const sitemap = await (await request.get('/sitemap-index.xml')).text();
	expect(sitemap).toContain('sitemap-0.xml');
});

test('a code page links back to the guides that cover it', async ({ page }) => {
	await page.goto('/codes/synchive/retry-later/');
	await expect(page.getByRole('heading', { level: 2, name: 'Related guides' })).toBeVisible();
	await expect(page.locator('main a[href="/guides/reading-error-responses/"]')).toHaveCount(1);
});
