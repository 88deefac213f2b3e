/**
 * How a code is named in tables and lists: the vendor's own token when it is
 * a short one (`InvalidPayload`, `missing-params`), else the catalog id
 * (SyncHive's and Datafold's wire codes are URIs, too long for a table cell).
 */
import type { CatalogCode } from './schema.ts';

export function displayCode(code: Pick<CatalogCode, 'id' | 'wireCode'>): string {
	return code.wireCode && !/[/:\s]/.test(code.wireCode) ? code.wireCode : code.id;
}
