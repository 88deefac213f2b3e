/**
 * How the error systems are grouped for browsing (the sidebar, /sources/,
 * /codes/ and the home page). A source says its group in the catalog; these
 * are the groups' names and order, written once.
 */
import type { CatalogSource, SourceGroup } from './schema.ts';

export interface SourceGroupInfo {
	id: SourceGroup;
	title: string;
	intro: string;
}

export const SOURCE_GROUPS: readonly SourceGroupInfo[] = [
	{ id: 'platform', title: 'Integration platforms', intro: 'Their own codes, documented entry by entry.' },
	{
		id: 'standard',
		title: 'Standards and protocols',
		intro: 'HTTP itself and the envelopes many APIs share: problem details, GraphQL, JSON:API, OData, OAuth.',
	},
	{
		id: 'api',
		title: 'Vendor APIs',
		intro: 'The third-party APIs behind the platforms: payments, commerce, accounting, CRM and the apps they relay.',
	},
	{
		id: 'infrastructure',
		title: 'Proxies, gateways and hosts',
		intro: 'What answers when the API does not: CDNs, load balancers, gateways and hosting routers.',
	},
	{
		id: 'framework',
		title: 'Web framework defaults',
		intro: 'The error bodies web frameworks send by default, which pass through APIs built on them.',
	},
];

/** A source's group: its own, or by kind (platforms, HTTP) when it does not say. */
export function groupOf(source: Pick<CatalogSource, 'kind' | 'group'>): SourceGroup {
	if (source.group) return source.group;
	if (source.kind === 'platform') return 'platform';
	if (source.kind === 'http') return 'standard';
	return 'api';
}

/** The groups in order, each with its sources in catalog order; groups with none are left out. */
export function sourcesByGroup<S extends Pick<CatalogSource, 'kind' | 'group'>>(
	sources: readonly S[]
): (SourceGroupInfo & { sources: S[] })[] {
	return SOURCE_GROUPS.map((group) => ({
		...group,
		sources: sources.filter((source) => groupOf(source) === group.id),
	})).filter((group) => group.sources.length > 0);
}
