/**
 * Which guides cover which code: a guide covers every code page it links
 * to. Code pages list them under "Related guides", so the link between a
 * guide and a code is written once, in the guide.
 */
import { getCollection } from 'astro:content';

export interface GuideLink {
	title: string;
	url: string;
}

let cached: Promise<Map<string, GuideLink[]>> | undefined;

async function build(): Promise<Map<string, GuideLink[]>> {
	const byCode = new Map<string, GuideLink[]>();
	const docs = await getCollection('docs', (entry) => entry.id.startsWith('guides/'));
	for (const entry of docs) {
		const link = { title: entry.data.title, url: `/${entry.id}/` };
		for (const match of (entry.body ?? '').matchAll(/\/codes\/([a-z0-9-]+\/[a-z0-9-]+)\//g)) {
			const name = match[1] as string;
			const list = byCode.get(name) ?? [];
			if (!list.some((existing) => existing.url === link.url)) list.push(link);
			byCode.set(name, list);
		}
	}
	return byCode;
}

export async function guidesForCode(name: string): Promise<GuideLink[]> {
	if (import.meta.env.DEV) return (await build()).get(name) ?? [];
	cached ??= build();
	return (await cached).get(name) ?? [];
}
