/**
 * Reads a recognised response the way its source's catalog file says:
 * the code (and so the catalog entry), message, status, ids, field names,
 * retry hints, scheme codes, notes and any relayed response.
 */
import { describeSchemeCode, readSchemeCode } from '../../catalog/code-scheme.ts';
import type { CodeScheme, ValueRead, WireFormat } from '../../catalog/schema.ts';
import type { ClassifierCode } from '../data.ts';
import { compactFields, evidence, type Detection } from '../formats/detection.ts';
import { statusOf } from '../json-path.ts';
import type { Evidence } from '../result.ts';
import type { WireCodeIndex } from './codes.ts';
import { asText, locate, type WireDocument } from './locate.ts';
import { compiled, type Claim } from './recognize.ts';

export interface ReadContext {
	document: WireDocument;
	codes: WireCodeIndex;
	/** The HTTP status of the response, when known. */
	status: number | null;
	scheme?: CodeScheme;
}

function texts(context: ReadContext, read: ValueRead, max = 2000): string[] {
	const { at, pattern, ignoreCase, keys } = typeof read === 'string' ? { at: read } : read;
	const found: string[] = [];
	for (const value of locate(context.document, at)) {
		if (keys) {
			if (value && typeof value === 'object' && !Array.isArray(value)) found.push(...Object.keys(value).slice(0, 50));
			continue;
		}
		// A path given as a list (GraphQL `path`, FastAPI `loc`) names one field.
		const text = Array.isArray(value)
			? value
					.slice(0, 20)
					.map((part) => asText(part, 200))
					.filter(Boolean)
					.join('.') || undefined
			: asText(value, max);
		if (text === undefined) continue;
		if (!pattern) found.push(text);
		else {
			const group = compiled(pattern, ignoreCase).exec(text)?.[1];
			if (group) found.push(group.trim());
		}
	}
	return found;
}

/** The first value any of the reads finds; a read with `join` gathers all its values. */
function first(context: ReadContext, reads: readonly ValueRead[], max = 2000): string | undefined {
	for (const read of reads) {
		const found = texts(context, read, max);
		if (found.length === 0) continue;
		const join = typeof read === 'string' ? undefined : read.join;
		return join === undefined ? found[0] : found.slice(0, 5).join(join).slice(0, max);
	}
	return undefined;
}

function all(context: ReadContext, reads: readonly ValueRead[]): string[] {
	return [...new Set(reads.flatMap((read) => texts(context, read, 200)))].slice(0, 50);
}

interface CodeMatch {
	code?: ClassifierCode;
	coarse?: boolean;
	/** The first code read, matched or not: what the vendor called it. */
	wire: { field: string; value: string } | undefined;
	trail: Evidence[];
}

function matchCode(claim: Claim, context: ReadContext, bodyStatus: number | undefined): CodeMatch {
	const { format, source } = claim;
	const trail: Evidence[] = [];
	let wire: CodeMatch['wire'];
	for (const read of format.codes) {
		const field = read.field ?? read.at;
		for (const value of texts(context, { at: read.at, ...(read.pattern ? { pattern: read.pattern } : {}) }, 300)) {
			wire ??= { field, value };
			const code = context.codes.find(source, field, value, read.ignoreCase);
			if (code) {
				trail.push(evidence(read.at, value, `${code.name}: its wire code`));
				return { code, ...(read.coarse ? { coarse: true } : {}), wire, trail };
			}
		}
	}
	if (format.entry) {
		const code = context.codes.entry(source, format.entry);
		if (code) return { code, wire, trail: [evidence('shape', format.name, `this shape always means ${code.name}`)] };
	}
	if (wire && format.unlisted) {
		const code = context.codes.entry(source, format.unlisted);
		if (code) {
			trail.push(
				evidence(wire.field, wire.value, `no entry lists this code: ${code.name} describes codes of its kind`)
			);
			return { code, wire, trail };
		}
	}
	const status = context.status ?? bodyStatus;
	if (format.byStatus && status !== undefined) {
		const code = context.codes.onlyWithStatus(source, status);
		if (code) {
			trail.push(evidence('status', String(status), `no documented code: ${code.name} by its status`));
			return { code, wire, trail };
		}
	}
	if (wire && context.codes.fields(source).has(wire.field))
		trail.push(evidence(wire.field, wire.value, 'a code this catalog does not have (yet)'));
	return { wire, trail };
}

const applies = (entries: readonly string[] | undefined, code: ClassifierCode | undefined) =>
	entries === undefined || (code !== undefined && entries.includes(code.id));

function retryAfter(format: WireFormat, context: ReadContext, code: ClassifierCode | undefined) {
	for (const read of format.retryAfter) {
		if (!applies(read.entries, code)) continue;
		const raw = locate(context.document, read.at)[0];
		const text = asText(raw, 50);
		let seconds: number | undefined;
		if (text !== undefined) {
			const match = read.unit === 'duration' ? /^(\d+(?:\.\d+)?)s$/.exec(text) : /^\d+(?:\.\d+)?$/.exec(text);
			const number = match ? Number(read.unit === 'duration' ? match[1] : match[0]) : Number.NaN;
			if (Number.isFinite(number)) seconds = read.unit === 'minutes' ? number * 60 : number;
		} else if (read.default !== undefined) seconds = read.unit === 'minutes' ? read.default * 60 : read.default;
		if (seconds !== undefined)
			return {
				seconds: Math.ceil(seconds),
				evidence: evidence(
					read.at,
					text ?? `(absent: the documented default ${read.default})`,
					`wait ${Math.ceil(seconds)} s`
				),
			};
	}
	return undefined;
}

/** Everything the source's declaration says to read, as a detection. */
export function readClaim(claim: Claim, context: ReadContext): Detection {
	const { format } = claim;
	const bodyStatus = format.status.map((at) => statusOf(locate(context.document, at)[0])).find(Boolean);
	const { code, coarse, wire, trail } = matchCode(claim, context, bodyStatus);
	const matchedOn = claim.matched.find((condition) => condition.at !== undefined)?.at;
	const detection: Detection = {
		format: format.format ?? claim.source,
		source: claim.source,
		...(code ? { code } : {}),
		...(coarse ? { coarse } : {}),
		fields: compactFields({
			message: first(context, format.message),
			vendorCode: first(context, format.vendorCode, 300) ?? wire?.value,
			requestId: first(context, format.requestId, 300),
			traceId: first(context, format.traceId, 300),
			instance: first(context, format.instance, 300),
			docUrl: first(context, format.docUrl, 500),
			fieldNames: all(context, format.fieldNames),
		}),
		evidence: [
			evidence(
				matchedOn ?? claim.matched.map((condition) => condition.mediaType ?? 'members').join(', '),
				matchedOn ? (asText(locate(context.document, matchedOn)[0], 200) ?? '(present)') : '(shape)',
				format.name
			),
			...trail,
		],
		notes: [],
	};
	const details = all(context, format.details);
	if (details.length > 0) detection.details = details;
	if (bodyStatus) detection.bodyStatus = bodyStatus;

	if (format.retryable && applies(format.retryable.entries, code)) {
		const flag = locate(context.document, format.retryable.at)[0];
		if (typeof flag === 'boolean') {
			detection.retryable = flag;
			detection.evidence.push(
				evidence(format.retryable.at, flag, flag ? 'the body asks for a retry' : 'the body says a retry will not help')
			);
		} else if (format.retryable.whenAbsent !== undefined) {
			detection.retryable = format.retryable.whenAbsent;
			detection.evidence.push(
				evidence(
					format.retryable.at,
					'(absent)',
					`absent: the documented default is ${format.retryable.whenAbsent ? 'retry' : 'no retry'}`
				)
			);
		}
	}
	const wait = retryAfter(format, context, code);
	if (wait) {
		detection.retryAfterSeconds = wait.seconds;
		detection.evidence.push(wait.evidence);
	}
	if (format.scheme && context.scheme) {
		const value = asText(locate(context.document, format.scheme)[0], 100);
		if (value) {
			const reading = readSchemeCode(context.scheme, value);
			detection.evidence.push(
				evidence(
					format.scheme,
					value,
					reading ? `read with the ${context.scheme.name} scheme` : `not in the documented ${context.scheme.name} form`
				)
			);
			if (reading) detection.notes?.push(describeSchemeCode(context.scheme, reading));
		}
	}
	for (const note of format.notes) {
		const value = locate(context.document, note.when)[0];
		if (value === undefined || value === null) continue;
		const count = Array.isArray(value) ? value.length : 1;
		// `nonEmpty`: an empty list or an empty string says nothing happened.
		if (note.nonEmpty && (Array.isArray(value) ? count === 0 : asText(value) === undefined)) continue;
		detection.notes?.push(
			note.text
				.replaceAll('{value}', asText(value, 500) ?? '')
				.replaceAll('{count}', String(count))
				.replaceAll('{s}', count === 1 ? '' : 's')
		);
	}
	if (format.relay) {
		const body = locate(context.document, format.relay.body)[0];
		if (body !== undefined && body !== null) {
			const status = format.relay.status ? (statusOf(locate(context.document, format.relay.status)[0]) ?? null) : null;
			detection.relayed = { body, status, sender: format.relay.sender, hasStatus: format.relay.status !== undefined };
			detection.evidence.push(
				evidence(
					format.relay.status ?? format.relay.body,
					format.relay.status ? String(status ?? '(none)') : '(present)',
					`${format.relay.sender}’s response is relayed here`
				)
			);
		}
	}
	if (format.errorUnder200 && (context.status === 200 || context.status === null)) detection.hiddenUnder200 = true;
	return detection;
}
