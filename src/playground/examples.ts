/**
 * The playground's example menu, built from the catalog's examples (and the
 * data the island receives), so every example on a code page can be opened
 * in the playground by id: `<source>/<code id>/<example index>`.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { displayCode } from '../catalog/display.ts';
import { exampleToHttp } from '../catalog/example.ts';
import { toClassifierData, type ClassifierData } from '../classifier/index.ts';
import { normalizeBase } from '../site/rebase.ts';

export interface PlaygroundExample {
	id: string;
	group: string;
	label: string;
	text: string;
}

export interface PlaygroundData {
	classifier: ClassifierData;
	examples: PlaygroundExample[];
}

export const exampleId = (codeName: string, index: number): string => `${codeName}/${index}`;

export function playgroundData(catalog: Catalog): PlaygroundData {
	const examples = catalog.codes.flatMap((code) =>
		code.examples.map((example, index) => ({
			id: exampleId(code.name, index),
			group: catalog.source(code.source)?.name ?? code.source,
			label: `${displayCode(code)}: ${code.title}${code.examples.length > 1 ? ` (${example.title ?? `example ${index + 1}`})` : ''}`,
			text: exampleToHttp(example, catalog.status(example.status)?.name),
		}))
	);
	return { classifier: toClassifierData(catalog), examples };
}

/** Where the site serves the playground's data (src/pages/playground-data.json.ts), under its base path. */
export const PLAYGROUND_DATA_PATH = 'playground-data.json';

/**
 * Fetches the data for the island: a file of its own, so the page paints
 * before it arrives and the browser caches it across visits. It is the
 * site's own data; nothing pasted is ever sent.
 */
export async function loadPlaygroundData(base: string): Promise<PlaygroundData | undefined> {
	try {
		const response = await fetch(`${normalizeBase(base)}${PLAYGROUND_DATA_PATH}`);
		if (!response.ok) return undefined;
		const data = (await response.json()) as PlaygroundData;
		return Array.isArray(data.examples) && typeof data.classifier === 'object' ? data : undefined;
	} catch {
		return undefined;
	}
}
