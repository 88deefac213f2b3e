import react from '@astrojs/react';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { loadCatalog } from './src/catalog/load.ts';
import { CATEGORIES } from './src/catalog/categories.ts';
import { sourcesByGroup } from './src/catalog/source-groups.ts';
import { categoryUrl, sourceUrl } from './src/catalog/urls.ts';

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

export default defineConfig({
	// Absolute URLs (sitemap, canonical links) use SITE_URL when the site is deployed.
	site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
	trailingSlash: 'ignore',
	server: { host: '127.0.0.1', port: 4321 },
	integrations: [
		starlight({
			title: 'Error Atlas',
			description:
				'The error reference for integration platforms: every code, every HTTP status, and what to do about each.',
			customCss: ['./src/styles/atlas.css'],
			lastUpdated: false,
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
