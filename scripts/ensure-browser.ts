/**
 * Makes sure the end-to-end tests have a Chromium: finds one, or installs
 * Debian's `chromium` when running as root with apt-get available. Exits 1
 * with instructions when neither works, so the test run fails clearly.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from './browser.ts';

function install(): boolean {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return false;
	console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	if (update.status !== 0) return false;
	return spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status === 0;
}

let path = findChromium();
if (!path && install()) path = findChromium();
if (!path) {
	console.error(
		[
			'error: no Chromium browser found for the end-to-end tests.',
			'Do one of these, then run the tests again:',
			'  - set CHROMIUM_PATH to a Chromium or Chrome executable;',
			"  - install Debian/Ubuntu's browser: sudo apt-get install -y chromium;",
			'  - or let Playwright download its own: npx playwright install chromium.',
		].join('\n')
	);
	process.exit(1);
}
console.log(`Chromium for end-to-end tests: ${path}`);
