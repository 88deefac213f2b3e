/**
 * The site built with BASE_PATH=/error-atlas/ (`npm run build:base`) and
 * served under that sub-path, as a GitHub project page serves it: links,
 * search, the exact jump and the playground all stay under the base.
 */
import { expect, test, type Page } from '@playwright/test';
import { BASE_PATH } from '../../playwright.config.ts';

/** Every same-origin link on the page: under the base, and answering 200. */
async function linksResolve(page: Page): Promise<void> {
	const hrefs = await page
		.locator('a[href^="/"]')
		.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href') ?? ''));
	expect(hrefs.length).toBeGreaterThan(5);
	for (const href of new Set(hrefs)) {
		expect(href, href).toMatch(new RegExp(`^${BASE_PATH}`));
		const path = href.split('#')[0] ?? href;
		expect((await page.request.get(path)).status(), href).toBe(200);
	}
}

test('a code page and its links work under the base path', async ({ page }) => {
	const response = await page.goto(`${BASE_PATH}codes/stripe/card-declined/`);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('declined');
	await linksResolve(page);
	await expect(page.locator('link[rel~="icon"]')).toHaveAttribute('href', `${BASE_PATH}favicon.svg`);
});

test('search jumps to the exact code under the base path', async ({ page }) => {
	await page.goto(BASE_PATH);
	await expect(page.locator('site-search button[data-open-modal]')).toBeEnabled();
	await page.locator('site-search input').waitFor({ state: 'attached' });
	await page.keyboard.press('Control+k');
	await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' }).fill('card_declined');
	const exact = page.locator('.atlas-exact a').first();
	await expect(exact).toHaveAttribute('href', `${BASE_PATH}codes/stripe/card-declined/`);
	const ranked = page.locator('a.pagefind-ui__result-link').first();
	await expect(ranked).toHaveAttribute('href', new RegExp(`^${BASE_PATH}`));
	await exact.click();
	await expect(page).toHaveURL(new RegExp(`${BASE_PATH}codes/stripe/card-declined/$`));
});

test('the playground loads its data and worker, and links the result, under the base path', async ({ page }) => {
	await page.goto(`${BASE_PATH}playground/`);
	const input = page.getByLabel(/^Response:/);
	await expect(input).toBeVisible();
	await input.fill(
		'HTTP/1.1 402 Payment Required\nContent-Type: application/json\n\n{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}'
	);
	const code = page.locator('section.atlas-pg-card a', { hasText: 'stripe/card-declined' });
	await expect(code).toHaveAttribute('href', `${BASE_PATH}codes/stripe/card-declined/`);
	await linksResolve(page);
});
