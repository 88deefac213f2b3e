/**
 * Error Atlas's classifier: import this from Node or the browser.
 * No DOM, no Astro, no network: the catalog data is passed in.
 */
export { classify, type ClassifyOptions } from './classify.ts';
export { toClassifierData, type ClassifierData } from './data.ts';
export {
	GENERIC_FORMATS,
	type Classification,
	type Evidence,
	type ExtractedFields,
	type Format,
	type InputKind,
} from './result.ts';
