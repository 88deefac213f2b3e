/**
 * The playground's example menu, built from the catalog's examples (and the
 * data the island receives), so every example on a code page can be opened
 * in the playground by id: `<source>/<code id>/<example index>`.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { displayCode } from '../catalog/display.ts';
import { exampleToHttp } from '../catalog/example.ts';
import { toClassifierData, type ClassifierData } from '../classifier/index.ts';

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

/** Reads the data the page embeds for the island (a JSON script element). */
export function readEmbeddedData(elementId: string): PlaygroundData | undefined {
	const element = typeof document === 'undefined' ? null : document.getElementById(elementId);
	if (!element?.textContent) return undefined;
	try {
		return JSON.parse(element.textContent) as PlaygroundData;
	} catch {
		return undefined;
	}
}

export const PLAYGROUND_DATA_ID = 'atlas-playground-data';
