// @ts-check
import react from '@astrojs/react';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { loadCatalog } from './src/catalog/load.ts';
import { CATEGORIES } from './src/catalog/categories.ts';
import { sourcesByGroup } from './src/catalog/source-groups.ts';
import { categoryUrl, sourceUrl } from './src/catalog/urls.ts';
import { LOCAL_SITE } from './src/site/public-url.ts';
import { normalizeBase } from './src/site/rebase.ts';

// The sidebar lists index pages only: sources, categories, statuses and guides.
// Starlight renders the whole sidebar into every page, so listing each code
// here would make every page grow with the catalog (N² output).
// Problems are ignored here on purpose: the content loader reports them all.
const { catalog } = await loadCatalog(process.cwd());
const sourceGroups = sourcesByGroup(catalog.sources).map((group) => ({
	label: group.title,
	// Platforms stay open; the longer groups start collapsed.
	collapsed: group.id !== 'platform',
	items: group.sources.map((source) => ({ label: source.name, link: sourceUrl(source.id) })),
}));

/**
 * The settings Starlight's search UI reads from `virtual:starlight/pagefind-config`.
 * With `pagefind: false` Starlight would hand it `{}`; these are Starlight's own
 * defaults (its `pagefindSchema`), which rank an exact term far above a near one.
 */
/** @returns {import('vite').PluginOption} */
function pagefindUiConfig() {
	const id = 'virtual:starlight/pagefind-config';
	const resolved = `\0error-atlas:${id}`;
	const config = {
		ranking: { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 },
	};
	return {
		name: 'error-atlas:pagefind-ui-config',
		enforce: 'pre',
		resolveId: (source) => (source === id ? resolved : undefined),
		load: (loaded) =>
			loaded === resolved ? `export const pagefindUserConfig = ${JSON.stringify(config)};` : undefined,
	};
}

const site = process.env.SITE_URL ?? LOCAL_SITE;
const base = process.env.BASE_PATH ?? '/';
/** The link-preview image (scripts/social-card.ts draws it), as the absolute URL crawlers need. */
const socialCard = new URL(`${normalizeBase(base)}social-card.png`, site).href;

export default defineConfig({
	// Where the site is served (README, "Deploying"): SITE_URL is the origin for absolute URLs
	// (sitemap, canonical links, llms.txt); BASE_PATH a sub-path such as /error-atlas/ for a
	// GitHub project page. Links are written root-absolute and put under the base by src/middleware.ts.
	site,
	base,
	trailingSlash: 'ignore',
	server: { host: '127.0.0.1', port: 4321 },
	// Scripts and styles go to their own files instead of into every page: the browser caches them
	// once, and a code page's HTML holds only the page (measured by `npm run bench:build`).
	vite: { build: { assetsInlineLimit: 0 }, plugins: [pagefindUiConfig()] },
	integrations: [
		starlight({
			title: 'Error Atlas',
			description:
				'The error reference for integration platforms: every code, every HTTP status, and what to do about each.',
			customCss: ['./src/styles/atlas.css'],
			head: [
				{ tag: 'meta', attrs: { property: 'og:image', content: socialCard } },
				{ tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
				{ tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
				{ tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
			],
			// Search stays (the Search override keeps Starlight's header rendering it), but the
			// index is built by scripts/index-search.ts after `astro build` exits: Starlight
			// indexes inside Astro's process, which at 5,000 codes doubled the build's memory.
			pagefind: false,
			lastUpdated: false,
			// Sidebar labels Starlight derives from directory names (src/site/route-data.ts).
			routeMiddleware: './src/site/route-data.ts',
			pagination: false,
			components: {
				// Adds the exact-code jump above Pagefind's results (see the component).
				Search: './src/components/Search.astro',
			},
			sidebar: [
				{
					label: 'Reference',
					items: [
						{ label: 'Playground', link: '/playground/' },
						{ label: 'All codes', link: '/codes/' },
						{ label: 'HTTP statuses', link: '/status/' },
						{ label: 'Categories', link: '/categories/' },
						{ label: 'Error systems', link: '/sources/' },
					],
				},
				...sourceGroups,
				{
					label: 'Categories',
					collapsed: true,
					items: CATEGORIES.map((category) => ({ label: category.title, link: categoryUrl(category.id) })),
				},
				{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] },
			],
		}),
		react(),
	],
});
