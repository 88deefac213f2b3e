/**
 * `node scripts/social-card.ts`: draws public/social-card.png, the 1200×630
 * image link previews show (Open Graph and Twitter cards, set in
 * astro.config.mjs). Run it again when the title or tagline changes; the PNG
 * is committed, so builds need no browser.
 */
import { writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.ts';

const executablePath = findChromium();
if (!executablePath) {
	console.error('No Chromium found: set CHROMIUM_PATH or install chromium.');
	process.exit(2);
}
const html = `<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px 90px;display:flex;flex-direction:column;justify-content:space-between;
	background:linear-gradient(135deg,#0b1b33 0%,#123a6b 100%);color:#fff;font-family:'DejaVu Sans',Arial,sans-serif">
	<div style="display:flex;align-items:center;gap:28px">
		<svg width="96" height="96" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#3b82f6"/><path d="M16 1a15 15 0 0 1 0 30M16 1a15 15 0 0 0 0 30M1 16h30" fill="none" stroke="#bfdbfe" stroke-width="1.2"/><rect x="14.3" y="7" width="3.4" height="12" rx="1.6" fill="#fff"/><circle cx="16" cy="23.5" r="2" fill="#fff"/></svg>
		<div style="font-size:72px;font-weight:700;letter-spacing:-1px">Error Atlas</div>
	</div>
	<div style="font-size:46px;line-height:1.25;font-weight:600;max-width:1000px">Every error code of integration platforms and the APIs behind them, and what to do about it.</div>
	<div style="font-size:30px;color:#bfdbfe">Codes · HTTP statuses · retry verdicts · a playground</div>
</div></body></html>`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await writeFile('public/social-card.png', await page.screenshot({ type: 'png' }));
await browser.close();
console.log('wrote public/social-card.png');
