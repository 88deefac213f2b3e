/**
 * SyncHive's connector error contract: what a connector must answer when
 * `PUT /v1/data` (publish) or `PUT /v1/process` fails, so SyncHive can show
 * the end user a message, log the event code and decide whether to retry.
 */
import { readSchemeCode } from '../catalog/code-scheme.ts';
import type { CodeScheme } from '../catalog/schema.ts';
import { bodyObject } from './body.ts';
import type { Pasted } from './pasted.ts';
import { contentType, has, isRecord, jsonType, show, technicalSign, uriReference, type Reporter } from './report.ts';

export type SyncHiveReply = 'publish' | 'process';

export const SYNCHIVE_TYPES: Readonly<Record<SyncHiveReply, string>> = {
	publish: 'http://www.synchive.com/common/publish-error',
	process: 'http://www.synchive.com/common/process-error',
};

const ENDPOINTS: Readonly<Record<SyncHiveReply, string>> = { publish: 'PUT /v1/data', process: 'PUT /v1/process' };

function checkHead(pasted: Pasted, reply: SyncHiveReply, out: Reporter): void {
	if (pasted.status !== null && pasted.status !== 500) {
		out.error(
			'synchive-status',
			`The HTTP status is ${pasted.status}; SyncHive expects 500 for a failed ${ENDPOINTS[reply]}.`,
			'Answer with HTTP 500 and say what went wrong in the body; use `retryable` to ask for a retry.',
			{ status: true }
		);
	}
	if (!pasted.hasHead) return;
	const type = contentType(pasted);
	if (type !== 'application/json') {
		out.warning(
			'synchive-content-type',
			type === '' ? 'The response has no Content-Type header.' : `Content-Type is ${type}, not application/json.`,
			'Send the header `Content-Type: application/json`.',
			{ header: 'content-type' }
		);
	}
}

function checkType(body: Record<string, unknown>, reply: SyncHiveReply, out: Reporter): void {
	const expected = SYNCHIVE_TYPES[reply];
	const fix = `Set "type": "${expected}" exactly.`;
	if (!has(body, 'type')) {
		out.error('synchive-type', `There is no \`type\`; a ${reply}-error reply needs "${expected}".`, fix, {
			pointer: '',
		});
		return;
	}
	const type = body.type;
	if (type === expected) return;
	const other: SyncHiveReply = reply === 'publish' ? 'process' : 'publish';
	let why: string;
	if (type === SYNCHIVE_TYPES[other]) {
		why = `\`type\` is the ${other}-error type, but this is the reply to ${ENDPOINTS[reply]}, which needs "${expected}".`;
	} else if (
		typeof type === 'string' &&
		type.trim().toLowerCase().replace(/\/$/, '').replace('https:', 'http:') === expected
	) {
		why = `\`type\` ${show(type)} is close but must match "${expected}" exactly (http, not https; no trailing slash; same case).`;
	} else {
		why = `\`type\` is ${show(type)}; SyncHive recognises a ${reply} error by "${expected}".`;
	}
	out.error('synchive-type', why, fix, { pointer: '/type' });
}

/** What is wrong with a malformed `logCode`, and the fix, for the mistakes people make. */
function logCodeProblem(value: string, example: string): [string, string] {
	if (value === '') return ['it is empty', `Use four digits followed by N, W or E, ${example}.`];
	if (/^\d{4}[NWE]$/.test(value)) return ['it has spaces around it', `Write "${value}".`];
	if (/^[NWE]\d{4}$/i.test(value)) {
		return [
			'the level letter comes after the number, not before',
			`Write "${value.slice(1)}${value.slice(0, 1).toUpperCase()}".`,
		];
	}
	if (/^\d{4}[nwe]$/.test(value)) return ['the level letter must be upper case', `Write "${value.toUpperCase()}".`];
	if (/^\d{4}$/.test(value)) return ['the level letter (N, W or E) is missing', `Write "${value}E" for an error.`];
	if (/^\d{4}[A-Za-z]$/.test(value)) {
		return [
			`"${value.slice(4)}" is not a level: the levels are N (info), W (warning) and E (error)`,
			`Write "${value.slice(0, 4)}E" for an error.`,
		];
	}
	return ['it is not four digits and a level letter', `Use four digits followed by N, W or E, ${example}.`];
}

function checkLogCode(body: Record<string, unknown>, scheme: CodeScheme | undefined, out: Reporter): void {
	const example = 'e.g. "4005E" (code 4005, level E)';
	if (!has(body, 'logCode')) {
		out.error(
			'synchive-logcode',
			'There is no `logCode`: SyncHive logs the failure against an event code.',
			`Add "logCode": four digits and a level letter, ${example}.`,
			{ pointer: '' }
		);
		return;
	}
	const code = body.logCode;
	const where = { pointer: '/logCode' };
	if (typeof code !== 'string') {
		out.error(
			'synchive-logcode',
			`\`logCode\` is ${jsonType(code)} (${show(code)}), not a string with a level letter.`,
			typeof code === 'number'
				? `Send a string with the level letter: "logCode": "${code}E".`
				: `Send a string, ${example}.`,
			where
		);
		return;
	}
	const value = code.trim();
	if (!/^\d{4}[NWE]$/.test(code)) {
		const [problem, fix] = logCodeProblem(value, example);
		out.error('synchive-logcode', `\`logCode\` ${show(code)} is malformed: ${problem}.`, fix, where);
		return;
	}
	const level = value.slice(4);
	if (level !== 'E') {
		out.warning(
			'synchive-logcode-level',
			`\`logCode\` ${show(code)} has level ${level} (${level === 'W' ? 'warning' : 'info'}), but this reply reports a failure.`,
			`Use level E for an error reply: "${value.slice(0, 4)}E".`,
			where
		);
	}
	// The ranges are the catalog's (SyncHive's `codeScheme`), written once there.
	const reading = scheme ? readSchemeCode(scheme, value) : undefined;
	if (scheme && !reading?.range) {
		const ranges = scheme.ranges.map((range) => `${range.from}–${range.to} ${range.meaning.split(':')[0]}`).join(', ');
		out.warning(
			'synchive-logcode-range',
			`\`logCode\` ${show(code)} is outside SyncHive's documented ranges (${ranges}).`,
			'Pick a code in the range of the stage that failed; 4000–4999 is for errors from the external system.',
			where
		);
	}
}

function checkDetail(body: Record<string, unknown>, out: Reporter): void {
	const fix =
		'Set `detail` to a sentence an end user can act on, e.g. "The API key you provided is incorrect. Enter a valid key and try again."';
	if (!has(body, 'detail')) {
		out.error('synchive-detail', 'There is no `detail`: SyncHive shows it to the end user.', fix, { pointer: '' });
		return;
	}
	const detail = body.detail;
	if (typeof detail !== 'string') {
		out.error('synchive-detail', `\`detail\` is ${jsonType(detail)} (${show(detail)}), not a string.`, fix, {
			pointer: '/detail',
		});
		return;
	}
	if (detail.trim() === '') {
		out.error('synchive-detail', '`detail` is empty: the end user would see no explanation.', fix, {
			pointer: '/detail',
		});
		return;
	}
	const sign = technicalSign(detail);
	if (sign) {
		out.warning(
			'synchive-detail-technical',
			`\`detail\` looks like ${sign}; it is shown to end users.`,
			'Move the technical text to `technicalInfo` and keep `detail` friendly and actionable.',
			{ pointer: '/detail' }
		);
	}
}

function checkOptional(body: Record<string, unknown>, out: Reporter): void {
	if (has(body, 'technicalInfo') && typeof body.technicalInfo !== 'string') {
		const value = body.technicalInfo;
		out.error(
			'synchive-technical-info',
			`\`technicalInfo\` is ${jsonType(value)} (${show(value)}), not a string.`,
			isRecord(value) || Array.isArray(value)
				? 'Serialise the details into one string, or leave `technicalInfo` out.'
				: 'Send `technicalInfo` as a string, or leave it out.',
			{ pointer: '/technicalInfo' }
		);
	}
	if (has(body, 'retryable') && typeof body.retryable !== 'boolean') {
		const value = body.retryable;
		const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
		out.error(
			'synchive-retryable',
			`\`retryable\` is ${jsonType(value)} (${show(value)}), not true or false.`,
			text === 'true' || text === 'false'
				? `Send the JSON boolean without quotes: "retryable": ${text}. (Left out, it means not retryable.)`
				: 'Send "retryable": true when SyncHive should retry, false (or leave it out) when it should not.',
			{ pointer: '/retryable' }
		);
	}
}

/** `linkIdentities`: `{integrationKey, linkIdentities: [{iri, externalId}]}`, for a partly successful publish. */
function checkLinkIdentities(body: Record<string, unknown>, reply: SyncHiveReply, out: Reporter): void {
	if (!has(body, 'linkIdentities')) return;
	const rule = 'synchive-link-identities';
	const shape = 'Send {"integrationKey": "…", "linkIdentities": [{"iri": "…", "externalId": "…"}]}.';
	const wrap =
		'Wrap the list with the integration key: {"integrationKey": "…", "linkIdentities": [{"iri": "…", "externalId": "…"}]}.';
	if (reply === 'process') {
		out.warning(
			'synchive-link-identities-unexpected',
			'`linkIdentities` is not part of the process-error reply; SyncHive links external IDs only from a publish (PUT /v1/data).',
			'Leave `linkIdentities` out of process errors.',
			{ pointer: '/linkIdentities' }
		);
		return;
	}
	const link = body.linkIdentities;
	if (!isRecord(link)) {
		out.error(rule, `\`linkIdentities\` is ${jsonType(link)}, not an object.`, Array.isArray(link) ? wrap : shape, {
			pointer: '/linkIdentities',
		});
		return;
	}
	const key = link.integrationKey;
	if (!has(link, 'integrationKey')) {
		out.error(rule, '`linkIdentities` has no `integrationKey`.', shape, { pointer: '/linkIdentities' });
	} else if (typeof key !== 'string' || key.trim() === '') {
		out.error(
			rule,
			`\`linkIdentities.integrationKey\` is ${typeof key === 'string' ? 'empty' : `${jsonType(key)} (${show(key)})`}, not the integration's key.`,
			'Set `integrationKey` to your integration\'s key string, e.g. "shopify_nz_integration".',
			{ pointer: '/linkIdentities/integrationKey' }
		);
	}
	const list = link.linkIdentities;
	if (!has(link, 'linkIdentities')) {
		out.error(rule, '`linkIdentities` has no inner `linkIdentities` list.', shape, { pointer: '/linkIdentities' });
		return;
	}
	if (!Array.isArray(list)) {
		out.error(rule, `\`linkIdentities.linkIdentities\` is ${jsonType(list)}, not an array.`, shape, {
			pointer: '/linkIdentities/linkIdentities',
		});
		return;
	}
	if (list.length === 0) {
		out.warning(
			rule,
			'`linkIdentities.linkIdentities` is empty: there is nothing to link.',
			'Leave `linkIdentities` out when no record was created.',
			{ pointer: '/linkIdentities/linkIdentities' }
		);
		return;
	}
	list.slice(0, 500).forEach((item: unknown, index) => {
		const base = `/linkIdentities/linkIdentities/${index}`;
		if (!isRecord(item)) {
			out.error(rule, `Link ${index} is ${jsonType(item)}, not an {iri, externalId} object.`, shape, { pointer: base });
			return;
		}
		const iri = item.iri;
		if (typeof iri !== 'string' || iri.trim() === '') {
			out.error(
				rule,
				has(item, 'iri')
					? `Link ${index}'s \`iri\` is ${show(iri)}, not the record's IRI.`
					: `Link ${index} has no \`iri\`.`,
				'Set `iri` to the IRI of the SyncHive record you received, e.g. "https://schema.limbergraph.com/limber/Product#…".',
				{ pointer: has(item, 'iri') ? `${base}/iri` : base }
			);
		} else if (!uriReference(iri).absolute) {
			out.warning(
				rule,
				`Link ${index}'s \`iri\` ${show(iri)} is not an absolute IRI.`,
				"Send the record's IRI exactly as SyncHive sent it.",
				{ pointer: `${base}/iri` }
			);
		}
		const id = item.externalId;
		if (typeof id !== 'string' || id.trim() === '') {
			out.error(
				rule,
				has(item, 'externalId')
					? `Link ${index}'s \`externalId\` is ${typeof id === 'string' ? 'empty' : `${jsonType(id)} (${show(id)})`}, not a string.`
					: `Link ${index} has no \`externalId\`.`,
				typeof id === 'number'
					? `Send the ID as a string: "externalId": "${id}".`
					: 'Set `externalId` to the ID the external system gave the record, as a string.',
				{ pointer: has(item, 'externalId') ? `${base}/externalId` : base }
			);
		}
	});
}

export function lintSyncHive(
	pasted: Pasted,
	reply: SyncHiveReply,
	scheme: CodeScheme | undefined,
	out: Reporter
): void {
	checkHead(pasted, reply, out);
	const body = bodyObject(pasted, out, 'synchive-json-object');
	if (!body) return;
	checkType(body, reply, out);
	checkLogCode(body, scheme, out);
	checkDetail(body, out);
	checkOptional(body, out);
	checkLinkIdentities(body, reply, out);
}
