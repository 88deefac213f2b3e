/**
 * Every internal link on every built page leads to a page that exists, and
 * every link into the playground from a guide or walkthrough opens a case
 * that shows the verdict it promises.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const dist = join(process.cwd(), 'dist');
const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));

/** The file a site-relative URL path is served from. */
function exists(pathname: string): boolean {
	const clean = decodeURI(pathname).replace(/^\//, '');
	return [clean, join(clean, 'index.html'), `${clean}.html`].some(
		(candidate) => existsSync(join(dist, candidate)) && candidate !== ''
	);
}

test('every internal link resolves to a built page', () => {
	const broken: string[] = [];
	for (const page of pages) {
		const html = readFileSync(join(dist, page), 'utf8');
		for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
			const href = (match[1] ?? '').replace(/&amp;/g, '&');
			if (!href.startsWith('/') || href.startsWith('//')) continue;
			const { pathname } = new URL(href, 'http://site.test');
			if (pathname === '/' || exists(pathname)) continue;
			broken.push(`${page} → ${href}`);
		}
	}
	expect(broken).toEqual([]);
});

const guidePages = pages.filter((page) => page.startsWith('guides/'));
const playgroundLinks = guidePages.flatMap((page) => {
	const html = readFileSync(join(dist, page), 'utf8');
	return [...html.matchAll(/<a\b([^>]*)class="[^"]*atlas-playground-link[^"]*"([^>]*)>/g)].map((match) => {
		const attributes = `${match[1]} ${match[2]}`;
		const read = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1]?.replace(/&amp;/g, '&');
		return {
			page,
			href: read('href') ?? '',
			category: read('data-expect-category') ?? '',
			code: read('data-expect-code'),
		};
	});
});

test('walkthroughs each end with a playground link', () => {
	const walkthroughs = guidePages.filter(
		(page) => page.startsWith('guides/walkthroughs/') && page !== 'guides/walkthroughs/index.html'
	);
	expect(walkthroughs.length).toBeGreaterThanOrEqual(6);
	for (const page of walkthroughs)
		expect(
			playgroundLinks.some((link) => link.page === page),
			page
		).toBe(true);
});

for (const link of playgroundLinks) {
	test(`${link.page}: its playground link shows ${link.code ?? link.category}`, async ({ page }) => {
		await page.goto(link.href);
		const card = page.locator('section.atlas-pg-card').filter({ has: page.locator('#atlas-pg-title') });
		await expect(card.getByRole('link', { name: link.category, exact: true })).toBeVisible();
		if (link.code) await expect(card.getByRole('link', { name: link.code, exact: true })).toBeVisible();
	});
}
