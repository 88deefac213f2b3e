import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.ts';

// A port of its own, so a running `npm start` (4321) does not collide with the tests.
const PORT = 4329;
/** The same site built under a sub-path (`npm run build:base`), served there as a GitHub project page is. */
const BASE_PORT = 4330;
export const BASE_PATH = '/error-atlas/';
// `npm run test:e2e` runs ensure-browser first, which installs one or explains what to do.
const executablePath = findChromium();

export default defineConfig({
	testDir: './tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	// Pagefind loads its WebAssembly and index fragments on first search; on a
	// loaded two-core machine that can take several seconds.
	expect: { timeout: 15_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: {
			...(executablePath ? { executablePath } : {}),
			args: CHROMIUM_ARGS,
		},
	},
	projects: [
		{ name: 'site', grepInvert: /@solo/, testIgnore: /base-path\.spec\.ts/ },
		{ name: 'base', testMatch: /base-path\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE_PORT}` } },
		// Responsiveness is measured alone, after everything else, so other tests' load does not count.
		{ name: 'solo', grep: /@solo/, dependencies: ['site'] },
	],
	webServer: [
		{
			// Serves the built site; `npm test` builds it first.
			command: `astro preview --host 127.0.0.1 --port ${PORT}`,
			url: `http://127.0.0.1:${PORT}/`,
			env: { ASTRO_TELEMETRY_DISABLED: '1' },
			reuseExistingServer: false,
			timeout: 60_000,
		},
		{
			command: `node scripts/static-server.ts dist-base --base ${BASE_PATH} --port ${BASE_PORT}`,
			url: `http://127.0.0.1:${BASE_PORT}${BASE_PATH}`,
			reuseExistingServer: false,
			timeout: 60_000,
		},
	],
});
