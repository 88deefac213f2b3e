import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { catalogLoader } from './catalog/content-loader.ts';

export const collections = {
	// Hand-written pages: the home page and the guides.
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	// The error catalog under content/catalog/, validated by src/catalog/schema.ts.
	sources: defineCollection({ loader: catalogLoader('sources') }),
	codes: defineCollection({ loader: catalogLoader('codes') }),
	statuses: defineCollection({ loader: catalogLoader('statuses') }),
};
