/** Links under a base path: what a site served at /error-atlas/ must get right. */
import { describe, expect, it } from 'vitest';
import { normalizeBase, rebaseHtml, rebasePath } from '../../src/site/rebase.ts';

describe('rebaseHtml', () => {
	it('puts root-absolute links, images and forms under the base', () => {
		const html = '<a href="/codes/stripe/card-declined/">x</a><img src="/favicon.svg"><form action="/playground/">';
		expect(rebaseHtml(html, '/error-atlas/')).toBe(
			'<a href="/error-atlas/codes/stripe/card-declined/">x</a><img src="/error-atlas/favicon.svg"><form action="/error-atlas/playground/">'
		);
	});

	it('leaves links already under the base, protocol-relative and external links, and escaped examples alone', () => {
		const html = [
			'<a href="/error-atlas/status/409/">',
			'<a href="//cdn.example.com/x.js">',
			'<a href="https://docs.stripe.com/">',
			'<a href="#codes">',
			'<code>&lt;a href="/api/auth"&gt;</code>',
		].join('');
		expect(rebaseHtml(html, '/error-atlas')).toBe(html);
	});

	it('does nothing at the domain root', () => {
		expect(rebaseHtml('<a href="/codes/">', '/')).toBe('<a href="/codes/">');
		expect(rebaseHtml('<a href="/codes/">', '')).toBe('<a href="/codes/">');
	});
});

describe('rebasePath', () => {
	it('puts one site path under the base, once', () => {
		expect(rebasePath('/codes/x/y/', '/error-atlas/')).toBe('/error-atlas/codes/x/y/');
		expect(rebasePath('/error-atlas/codes/x/y/', 'error-atlas')).toBe('/error-atlas/codes/x/y/');
		expect(rebasePath('/codes/x/y/', '/')).toBe('/codes/x/y/');
		expect(rebasePath('https://example.com/', '/error-atlas/')).toBe('https://example.com/');
		expect(normalizeBase('//error-atlas//')).toBe('/error-atlas/');
	});
});

describe('publicSiteUrl', () => {
	it('follows ERROR_ATLAS_SITE, else the build settings, else the local preview', async () => {
		const { publicSiteUrl } = await import('../../src/site/public-url.ts');
		expect(publicSiteUrl({})).toBe('http://127.0.0.1:4321');
		expect(publicSiteUrl({ SITE_URL: 'https://org.github.io', BASE_PATH: '/error-atlas/' })).toBe(
			'https://org.github.io/error-atlas'
		);
		expect(publicSiteUrl({ SITE_URL: 'https://errors.example.com/' })).toBe('https://errors.example.com');
		expect(publicSiteUrl({ ERROR_ATLAS_SITE: 'https://mirror.example.com/', SITE_URL: 'https://x.test' })).toBe(
			'https://mirror.example.com'
		);
	});
});
