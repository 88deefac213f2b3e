/** What the llms.txt endpoints need from the site: the guides, and absolute URLs under the base. */
import { getCollection } from 'astro:content';
import type { Absolute, LlmsGuide } from '../catalog/llms-text.ts';
import { LOCAL_SITE } from './public-url.ts';
import { rebasePath } from './rebase.ts';

export async function llmsGuides(): Promise<LlmsGuide[]> {
	const docs = await getCollection('docs', (entry) => entry.id.startsWith('guides/'));
	return docs
		.map((entry) => ({
			title: entry.data.title,
			description: entry.data.description ?? '',
			url: `/${entry.id}/`,
			body: entry.body ?? '',
		}))
		.sort((a, b) => a.url.localeCompare(b.url));
}

/** Site paths as absolute URLs of the deployed site (`site` and `base` from the config). */
export function absoluteUrls(site: URL | undefined): Absolute {
	const origin = site ?? new URL(LOCAL_SITE);
	return (path) => new URL(rebasePath(path, import.meta.env.BASE_URL), origin).href;
}
