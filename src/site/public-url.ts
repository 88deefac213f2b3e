/**
 * Where the reference is published, for the links that leave the site: the
 * CLI's "Read more", and absolute URLs in exports. One rule for every tool:
 * `ERROR_ATLAS_SITE` if set, else `SITE_URL` with `BASE_PATH` (the build's
 * own settings), else the local preview.
 */
import { normalizeBase } from './rebase.ts';

export const LOCAL_SITE = 'http://127.0.0.1:4321';

/** The public URL of the site's root, with no trailing slash: `https://org.github.io/error-atlas`. */
export function publicSiteUrl(env: Readonly<Record<string, string | undefined>>): string {
	if (env.ERROR_ATLAS_SITE) return env.ERROR_ATLAS_SITE.replace(/\/+$/, '');
	const origin = (env.SITE_URL ?? LOCAL_SITE).replace(/\/+$/, '');
	return `${origin}${normalizeBase(env.BASE_PATH ?? '/')}`.replace(/\/+$/, '');
}
