/**
 * Searching a code, an alias, a type or a status puts its page first
 * (Pagefind, through Starlight's search dialog), and search is reachable
 * by keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';

/** Starlight creates Pagefind's input when the browser is idle after load; wait for it. */
async function searchReady(page: Page): Promise<void> {
	await expect(page.locator('site-search button[data-open-modal]')).toBeEnabled();
	await page.locator('site-search input').waitFor({ state: 'attached' });
}

function searchInput(page: Page) {
	return page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
}

async function search(page: Page, query: string): Promise<void> {
	await page.goto('/');
	await searchReady(page);
	await page.keyboard.press('Control+k');
	const input = searchInput(page);
	await expect(input).toBeFocused();
	await input.fill(query);
	await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
	// Both Pagefind's fragments and the exact-term index have arrived.
	await page.waitForLoadState('networkidle');
}

const pathOf = (href: string | null) => new URL(href ?? '', 'http://x').pathname + new URL(href ?? '', 'http://x').hash;

/** The first link a reader meets in the search dialog: exact matches, then Pagefind's results. */
async function firstResult(page: Page, query: string): Promise<string> {
	await search(page, query);
	const first = page.getByRole('dialog').locator('.atlas-exact a, a.pagefind-ui__result-link').first();
	await expect(first).toBeVisible();
	return pathOf(await first.getAttribute('href'));
}

/** Pagefind's own top-ranked page, ignoring the exact-match jump. */
async function pagefindFirst(page: Page, query: string): Promise<string> {
	await search(page, query);
	return pathOf(
		await page
			.locator('.pagefind-ui__result')
			.first()
			.locator('a.pagefind-ui__result-link')
			.first()
			.getAttribute('href')
	);
}

const cases: [query: string, expected: string][] = [
	['missing-params', '/codes/integration-labs/missing-params/'],
	['InvalidPayload', '/codes/botpress/invalid-payload/'],
	['Invalid Payload', '/codes/botpress/invalid-payload/'],
	['RETRY_LATER', '/codes/synchive/retry-later/'],
	['publish-error', '/codes/synchive/publish-error/'],
	['integrity', '/codes/datafold/integrity/'],
	['ResourceLockedConflict', '/codes/botpress/resource-locked-conflict/'],
	['record-already-exists', '/codes/integration-labs/record-already-exists/'],
	['PAUSE_INTEGRATION', '/codes/synchive/pause-integration/'],
	['4005E', '/sources/synchive/#code-scheme'],
	['Uniqueness violation', '/codes/datafold/integrity/'],
	['/errors/integrity', '/codes/datafold/integrity/'],
	['409', '/status/409/'],
	['429', '/status/429/'],
	['Unprocessable Content', '/status/422/'],
	// Upstream vendors' codes have pages of their own, found by the wire code as sent.
	['card_declined', '/codes/stripe/card-declined/'],
	['NoSuchKey', '/codes/aws/no-such-key/'],
	['INVALID_SESSION_ID', '/codes/salesforce/invalid-session-id/'],
	['network-409', '/codes/integry/network-409/'],
	// A system named with the code puts that system's page first.
	['stripe card_declined', '/codes/stripe/card-declined/'],
	['THROTTLED graphql', '/codes/graphql/throttled/'],
];

for (const [query, expected] of cases) {
	test(`searching "${query}" shows ${expected} first`, async ({ page }) => {
		expect(await firstResult(page, query)).toBe(expected);
	});
}

// Pagefind's ranking alone (weighted search terms on each page) already puts the
// page first for each kind of spelling; the exact-match jump makes it certain.
// Not for `integrity`: Pagefind matches it as a prefix of "integration" and "Integry".
const rankedCases: [query: string, expected: string][] = [
	['missing-params', '/codes/integration-labs/missing-params/'],
	['InvalidPayload', '/codes/botpress/invalid-payload/'],
	['Invalid Payload', '/codes/botpress/invalid-payload/'],
	['RETRY_LATER', '/codes/synchive/retry-later/'],
	['publish-error', '/codes/synchive/publish-error/'],
	['409', '/status/409/'],
];
for (const [query, expected] of rankedCases) {
	test(`Pagefind ranks ${expected} first for "${query}"`, async ({ page }) => {
		expect(await pagefindFirst(page, query)).toBe(expected);
	});
}

test('a query that is not exactly a code shows no exact match, only ranked results', async ({ page }) => {
	// (`already exists` is now a code: Google's ALREADY_EXISTS, typed as words.)
	await search(page, 'already on the list');
	await expect(page.locator('.atlas-exact')).toBeHidden();
	await expect(page.locator('a.pagefind-ui__result-link').first()).toBeVisible();
});

test('a term shared by several pages lists every one of them', async ({ page }) => {
	await search(page, 'unknown');
	const links = page.locator('.atlas-exact a');
	await expect(links).not.toHaveCount(0);
	await expect(page.locator('.atlas-exact a[href="/codes/botpress/unknown/"]')).toHaveCount(1);
});

test('search opens from the keyboard and a result is reachable without a mouse', async ({ page }) => {
	await page.goto('/codes/');
	await searchReady(page);
	// Tab from the top of the page to the search button (after the skip link and site title).
	const searchButton = page.locator('site-search button[data-open-modal]');
	for (let i = 0; i < 10 && !(await searchButton.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(searchButton).toBeFocused();
	await page.keyboard.press('Enter');
	const input = searchInput(page);
	await expect(input).toBeFocused();
	await page.keyboard.type('RETRY_LATER');
	await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
	// Tab moves from the input into the results; Enter follows the focused link.
	for (let i = 0; i < 8; i++) {
		await page.keyboard.press('Tab');
		const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
		if (href?.includes('/codes/synchive/retry-later')) break;
	}
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/codes\/synchive\/retry-later\//);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an exact search downloads the manifest and the shards its terms are in, not the whole index', async ({
	page,
}) => {
	const fetched: { path: string; bytes: number }[] = [];
	page.on('requestfinished', async (request) => {
		const path = new URL(request.url()).pathname;
		if (!path.startsWith('/search-terms')) return;
		fetched.push({ path, bytes: (await request.sizes()).responseBodySize });
	});
	expect(await firstResult(page, 'stripe card_declined')).toBe('/codes/stripe/card-declined/');
	const paths = fetched.map((item) => item.path);
	expect(paths).toContain('/search-terms.json');
	// The whole query and its halves ("stripe", "card_declined"): at most three shards.
	const shards = paths.filter((path) => path.startsWith('/search-terms/'));
	expect(shards.length).toBeGreaterThan(0);
	expect(shards.length).toBeLessThanOrEqual(3);
	expect(fetched.reduce((total, item) => total + item.bytes, 0)).toBeLessThan(64 * 1024);
});
