/**
 * Guides are full pages whose TypeScript is real: every TypeScript snippet
 * lives in src/snippets/ (type-checked by `npm run check`, tested by unit
 * tests) and is shown with a `?raw` import, never pasted inline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const guidesDir = join(process.cwd(), 'src', 'content', 'docs', 'guides');
const guides = (readdirSync(guidesDir, { recursive: true }) as string[]).filter((file) => /\.mdx?$/.test(file));
const snippets = readdirSync(join(process.cwd(), 'src', 'snippets')).filter((file) => file.endsWith('.ts'));
const text = (file: string) => readFileSync(join(guidesDir, file), 'utf8');

describe('guides', () => {
	it('has the five guides and at least six walkthroughs', () => {
		expect(guides.filter((file) => !file.startsWith('walkthroughs')).length).toBeGreaterThanOrEqual(6);
		expect(guides.filter((file) => file.startsWith('walkthroughs')).length).toBeGreaterThanOrEqual(6);
	});

	for (const file of guides) {
		it(`${file} is a full page with no inline TypeScript or JavaScript`, () => {
			const source = text(file);
			expect(source).not.toMatch(/^\s*```(ts|typescript|js|javascript|tsx|jsx)\b/m);
			expect(source.split(/\s+/).length, 'words').toBeGreaterThan(400);
		});
	}

	it('shows every snippet in some guide, so what readers see is what is checked', () => {
		const all = guides.map(text).join('\n');
		for (const snippet of snippets) expect(all, snippet).toContain(`snippets/${snippet}?raw`);
	});
});
