/**
 * Bodies no source claims: proxy and gateway HTML pages, and plain text.
 * A page that a source does claim (Cloudflare's numbered errors) is read
 * here too, and the source's reading is laid over it.
 */
import { firstElementText, visibleText } from '../body.ts';
import type { Headers } from '../headers.ts';
import { compactFields, evidence, type Detection } from './detection.ts';

export interface HtmlPage {
	detection: Detection;
	title?: string;
	heading?: string;
	/** A status read from the page's title or heading ("502 Bad Gateway", "Error 524"). */
	pageStatus?: number;
}

export function detectHtml(markup: string, headers: Headers): HtmlPage {
	const title = firstElementText(markup, 'title');
	const heading = firstElementText(markup, 'h1');
	const text = visibleText(markup, 600);
	// Which proxy or server it was is the sources' to say (nginx, Cloudflare, AWS ELB… have catalog files);
	// a page no source claims is described by its own Server header.
	const served = headers.get('server')?.slice(0, 60) || undefined;
	const statusMatch = /\b([45]\d\d)\b/.exec(`${title ?? ''} ${heading ?? ''}`);
	const message =
		[title, heading]
			.filter((part, index, all): part is string => part !== undefined && all.indexOf(part) === index)
			.join(' — ') || text.slice(0, 200);
	const pageStatus = statusMatch ? Number(statusMatch[1]) : undefined;
	return {
		...(pageStatus ? { pageStatus } : {}),
		...(title ? { title } : {}),
		...(heading ? { heading } : {}),
		detection: {
			format: 'html',
			fields: compactFields({
				message,
				requestId: headers.get('cf-ray'),
			}),
			evidence: [
				evidence(
					'body',
					title ?? heading ?? '(no title)',
					'an HTML page: a proxy, gateway or web server answered, not the API'
				),
				...(served ? [evidence('Server', served, 'the server that sent the page')] : []),
			],
			notes: [
				`This is an HTML page${served ? ` from ${served}` : ''}, not the API’s own error: something in front of the API answered. Its status is what to go by.`,
			],
		},
	};
}

export function detectText(text: string): Detection {
	const firstLine = text.slice(0, 2000).split('\n', 1)[0]?.trim() ?? '';
	return {
		format: 'text',
		fields: compactFields({ message: firstLine.slice(0, 500) || undefined }),
		evidence: [evidence('body', firstLine.slice(0, 120), 'plain text body')],
	};
}
