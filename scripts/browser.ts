/**
 * Finds a Chromium for the end-to-end tests, in this order: `CHROMIUM_PATH`,
 * Playwright's own download, Debian's `/usr/bin/chromium`, then any
 * `chromium`/`google-chrome` on PATH. Shared by `ensure-browser.ts` (which may
 * install one) and `playwright.config.ts` (which only looks).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromium } from '@playwright/test';

function isExecutable(path: string | undefined): path is string {
	if (!path) return false;
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function onPath(name: string): string | undefined {
	try {
		return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

export function findChromium(): string | undefined {
	const candidates = [
		process.env.CHROMIUM_PATH,
		(() => {
			try {
				return chromium.executablePath();
			} catch {
				return undefined;
			}
		})(),
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		onPath('chromium'),
		onPath('google-chrome'),
	];
	return candidates.find(isExecutable);
}

/** Flags that keep Chromium quiet on a machine without general network access. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];
