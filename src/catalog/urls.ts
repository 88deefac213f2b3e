/**
 * The site's stable URLs (SPEC §2). They double as RFC 9457 `type` URIs, so
 * they are built in this one place and never by string concatenation elsewhere.
 */
import type { CategoryId } from './schema.ts';

export const codeUrl = (qualifiedName: string): string => `/codes/${qualifiedName}/`;
/** A code's entry as JSON, beside its page. */
export const codeJsonUrl = (qualifiedName: string): string => `/codes/${qualifiedName}.json`;
export const statusUrl = (status: number): string => `/status/${status}/`;
export const categoryUrl = (category: CategoryId): string => `/categories/${category}/`;
export const sourceUrl = (source: string): string => `/sources/${source}/`;
export const PLAYGROUND_URL = '/playground/';
export const CATALOG_JSON_URL = '/catalog.json';
