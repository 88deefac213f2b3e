/**
 * The catalog's classifier data, which `scripts/build-library.ts` writes to
 * `lib/` and inlines when it bundles `classify.ts`. Nothing in `src/` holds it.
 */
declare module 'virtual:error-atlas/classifier-data' {
	const data: import('../classifier/data.ts').ClassifierData;
	export default data;
}
