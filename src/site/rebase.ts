/**
 * Puts a page's root-absolute links under the site's base path.
 *
 * Pages, components and guides write links as SPEC §2 defines the URLs:
 * `/codes/stripe/card-declined/`. A site served under a sub-path
 * (`BASE_PATH=/error-atlas/`, a GitHub project page) needs
 * `/error-atlas/codes/stripe/card-declined/`. Rather than every link knowing
 * the base, the HTML of each page is rewritten once (src/middleware.ts):
 * `href`, `src` and `action` attributes that start with one `/` and are not
 * already under the base. Text inside code blocks is escaped (`&lt;a
 * href=…`), so examples of HTML pages are left as they are.
 */

/** The base path with one leading and one trailing slash: `/error-atlas/`, or `/`. */
export function normalizeBase(base: string): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

const ROOT_ABSOLUTE = /(\s(?:href|src|action)=")\/(?!\/)/g;

export function rebaseHtml(html: string, base: string): string {
	const prefix = normalizeBase(base);
	if (prefix === '/') return html;
	const inside = prefix.slice(1);
	return html.replace(ROOT_ABSOLUTE, (match: string, attribute: string, offset: number) => {
		// Only attributes of a tag: text that reads like one (an escaped example) has no `<` before it.
		const inTag = html.lastIndexOf('<', offset) > html.lastIndexOf('>', offset);
		return !inTag || html.startsWith(inside, offset + match.length) ? match : `${attribute}${prefix}`;
	});
}

/** One site path (`/codes/x/`, from the classifier or the search index) under the base. */
export function rebasePath(path: string, base: string): string {
	const prefix = normalizeBase(base);
	if (prefix === '/' || !path.startsWith('/') || path.startsWith('//') || path.startsWith(prefix)) return path;
	return `${prefix}${path.slice(1)}`;
}
