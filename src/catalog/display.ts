/**
 * How a code is named in tables and lists: the vendor's own token when it is
 * a short one (`InvalidPayload`, `missing-params`), else the catalog id
 * (SyncHive's and Datafold's wire codes are URIs, too long for a table cell).
 */
import type { CatalogCode } from './schema.ts';

export function displayCode(code: Pick<CatalogCode, 'id' | 'wireCode'>): string {
	return code.wireCode && !/[/:\s]/.test(code.wireCode) && !namesAStatus(code.wireCode) ? code.wireCode : code.id;
}

/**
 * A wire code that is itself an HTTP status (Integry's `network_code` 409,
 * Cloudflare's 520): shown and searched by its id, so `409` stays a status
 * search whose page lists these codes.
 */
export function namesAStatus(term: string): boolean {
	return /^[1-5][0-9]{2}$/.test(term.trim());
}
