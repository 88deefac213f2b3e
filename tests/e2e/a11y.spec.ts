/** One page of each kind passes axe (WCAG 2.0/2.1/2.2 A and AA) in both themes. */
import { axeViolations } from './axe.ts';
import { expect, test } from '@playwright/test';

const pages = [
	'/',
	'/codes/',
	'/codes/botpress/resource-locked-conflict/',
	'/codes/synchive/publish-error/',
	'/status/',
	'/status/409/',
	'/categories/',
	'/categories/conflict/',
	'/sources/',
	'/sources/synchive/',
	'/sources/rfc9457/',
	'/sources/stripe/',
	'/guides/reading-error-responses/',
	'/guides/handling-errors-in-a-connector/',
	'/guides/walkthroughs/rate-limit-storm/',
];

for (const theme of ['dark', 'light'] as const) {
	for (const path of pages) {
		test(`${path} has no axe violations (${theme})`, async ({ page }) => {
			await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			// Expressive Code makes a code block that scrolls focusable from a script after load; audit once it has.
			await page.waitForFunction(() =>
				[...document.querySelectorAll('pre')].every(
					(pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')
				)
			);
			expect(await axeViolations(page)).toEqual([]);
		});
	}
}
