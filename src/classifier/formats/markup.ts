/**
 * Bodies that are not JSON: AWS XML errors, proxy and gateway HTML pages,
 * and plain text.
 */
import { firstElementText, visibleText } from '../body.ts';
import type { Headers } from '../headers.ts';
import { compactFields, evidence, type Detection } from './detection.ts';

/** AWS query/REST XML: `<Error><Code>…</Code><Message>…</Message><RequestId>…`. */
export function detectXml(markup: string, headers: Headers): Detection | undefined {
	const code = firstElementText(markup, 'Code');
	if (!code) return undefined;
	// Twilio's XML representation: <TwilioResponse><RestException><Code>…<MoreInfo>…<Status>…
	if (/<RestException[\s>]/.test(markup.slice(0, 4096))) {
		const status = Number(firstElementText(markup, 'Status'));
		return {
			format: 'twilio',
			vendorCodes: [{ field: 'code', value: code }],
			...(status >= 100 && status <= 599 ? { bodyStatus: status } : {}),
			fields: compactFields({
				message: firstElementText(markup, 'Message'),
				vendorCode: code,
				docUrl: firstElementText(markup, 'MoreInfo'),
			}),
			evidence: [evidence('RestException.Code', code, 'Twilio XML error')],
		};
	}
	return {
		format: 'aws',
		vendorCodes: [{ field: '__type', value: code }],
		fields: compactFields({
			message: firstElementText(markup, 'Message'),
			vendorCode: code,
			requestId:
				firstElementText(markup, 'RequestId') ?? headers.get('x-amz-request-id') ?? headers.get('x-amzn-requestid'),
		}),
		evidence: [evidence('Error.Code', code, 'AWS XML error')],
	};
}

/** Who served an HTML error page, from its text and headers: a proxy, not the API. */
const PAGE_SERVERS: [RegExp, string][] = [
	[/cloudflare/i, 'Cloudflare'],
	[/awselb|elb\b/i, 'AWS load balancer'],
	[/cloudfront/i, 'Amazon CloudFront'],
	[/nginx/i, 'nginx'],
	[/guru meditation|varnish/i, 'Varnish'],
	[/fastly/i, 'Fastly'],
	[/heroku/i, 'Heroku router'],
	[/apache/i, 'Apache'],
	[/envoy|upstream connect error/i, 'Envoy'],
	[/microsoft-azure-application-gateway|azure/i, 'Azure Application Gateway'],
	[/google frontend|gfe/i, 'Google Front End'],
];

export interface HtmlPage {
	detection: Detection;
	/** A status read from the page's title or heading ("502 Bad Gateway", "Error 524"). */
	pageStatus?: number;
}

export function detectHtml(markup: string, headers: Headers): HtmlPage {
	const title = firstElementText(markup, 'title');
	const heading = firstElementText(markup, 'h1');
	const text = visibleText(markup, 600);
	const server = headers.get('server') ?? '';
	const served = PAGE_SERVERS.find(([pattern]) => pattern.test(`${server} ${title ?? ''} ${text}`))?.[1];
	const statusMatch = /\b([45]\d\d)\b/.exec(`${title ?? ''} ${heading ?? ''}`);
	const cloudflareCode = /\berror (?:code )?(1\d{3}|5[2-3]\d)\b/i.exec(`${title ?? ''} ${text}`)?.[1];
	const message =
		[title, heading]
			.filter((part, index, all): part is string => part !== undefined && all.indexOf(part) === index)
			.join(' — ') || text.slice(0, 200);
	const pageStatus = statusMatch
		? Number(statusMatch[1])
		: cloudflareCode?.startsWith('5')
			? Number(cloudflareCode)
			: undefined;
	return {
		...(pageStatus ? { pageStatus } : {}),
		detection: {
			format: 'html',
			...(cloudflareCode ? { vendorCodes: [{ field: 'cloudflare', value: cloudflareCode }] } : {}),
			fields: compactFields({
				message,
				vendorCode: cloudflareCode ? `Cloudflare ${cloudflareCode}` : served,
				requestId: headers.get('cf-ray'),
			}),
			evidence: [
				evidence(
					'body',
					title ?? heading ?? '(no title)',
					'an HTML page: a proxy, gateway or web server answered, not the API'
				),
				...(served ? [evidence('served by', served, 'the page’s text or Server header')] : []),
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
