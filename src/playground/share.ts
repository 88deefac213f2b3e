/**
 * The playground's URL fragment: `#input=<base64url>` for a shared case,
 * `#example=<source>/<id>/<n>` for a catalog example. The fragment never
 * reaches a server, so a shared case stays between the people who have the link.
 */

export type Fragment = { kind: 'input'; text: string } | { kind: 'example'; id: string } | { kind: 'none' };

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (let index = 0; index < bytes.length; index += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | undefined {
	try {
		const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
		return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
	} catch {
		return undefined;
	}
}

export function inputFragment(text: string): string {
	return `#input=${toBase64Url(text)}`;
}

export function exampleFragment(id: string): string {
	return `#example=${encodeURIComponent(id)}`;
}

export function readFragment(hash: string): Fragment {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const input = params.get('input');
	if (input !== null) {
		const text = fromBase64Url(input);
		if (text !== undefined) return { kind: 'input', text };
	}
	const example = params.get('example');
	if (example) return { kind: 'example', id: example };
	return { kind: 'none' };
}
