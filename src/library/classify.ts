/**
 * `error-atlas/classify`: the classifier as a library, with the catalog built
 * in. `scripts/build-library.ts` bundles this file into `lib/classify.js`,
 * inlining the catalog's classifier data (the virtual module below), and
 * writes `lib/classify.d.ts` from it.
 *
 * Everything here is pure: no Node built-ins, no I/O, so the bundle runs in
 * Node ≥ 18 and in any browser bundler.
 */
import data from 'virtual:error-atlas/classifier-data';
import {
	classify as classifyData,
	type Classification,
	type ClassifierData,
	type ClassifyOptions,
} from '../classifier/index.ts';

export {
	GENERIC_FORMATS,
	type Classification,
	type ClassifierData,
	type ClassifyOptions,
	type Evidence,
	type ExtractedFields,
	type Format,
	type InputKind,
} from '../classifier/index.ts';
export type { ClassifierCategory, ClassifierCode, ClassifierSource, ClassifierStatus } from '../classifier/data.ts';
export type { Links } from '../classifier/result.ts';
export type { CategoryId, CodeScheme, RetryWhen, WireFormat } from '../catalog/schema.ts';

/** The catalog data the classifier reads: codes, statuses, categories and wire formats, as plain JSON. */
export const catalogData: ClassifierData = data;

/**
 * Explains an error response with the bundled catalog: a raw HTTP response
 * (`curl -i` output), a body alone, a `{ status, headers, body }` object or a
 * HAR file or entry. Never throws.
 */
export function classify(input: unknown, options: ClassifyOptions = {}): Classification {
	return classifyData(input, catalogData, options);
}

/** Like `classify`, with other catalog data (for example a catalog of your own, made the same way). */
export function classifyWith(input: unknown, data: ClassifierData, options: ClassifyOptions = {}): Classification {
	return classifyData(input, data, options);
}
