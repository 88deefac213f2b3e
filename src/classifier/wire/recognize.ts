/**
 * Which error system sent a response: every source's declared signatures
 * (`wire[].recognize` in the catalog) are tested, and the claim with the
 * most specific evidence wins.
 *
 * Evidence is specific when it could only come from that vendor: a value
 * (an own code, a literal, a pattern), a header, a media type, or a member
 * name the vendor owns. A bare shape (these members exist) is weaker, so a
 * body that merely looks alike never outranks one that names its sender.
 */
import type { WireCondition, WireFormat } from '../../catalog/schema.ts';
import { mediaType } from '../headers.ts';
import { isRecord } from '../json-path.ts';
import type { WireCodeIndex } from './codes.ts';
import { asText, locate, type WireDocument } from './locate.ts';

export interface WireSource {
	id: string;
	wire: WireFormat[];
}

export interface Claim {
	source: string;
	format: WireFormat;
	/** The conditions of the signature that held. */
	matched: readonly WireCondition[];
	/** Specific conditions, then all conditions: compared in that order. */
	score: readonly [number, number];
}

/** Test a located value against a condition's value tests. */
function valuePasses(value: unknown, condition: WireCondition, source: string, codes: WireCodeIndex): boolean {
	if (condition.type !== undefined && jsonType(value) !== condition.type) return false;
	const whole = asText(value);
	const text =
		condition.pattern === undefined || whole === undefined
			? whole
			: compiled(condition.pattern, condition.ignoreCase).exec(whole)?.[1];
	if (condition.pattern !== undefined && text === undefined) return false;
	const fold = (item: string) => (condition.ignoreCase ? item.toLowerCase() : item);
	if (condition.equals !== undefined) {
		if (
			typeof condition.equals === 'string'
				? text === undefined || fold(text) !== fold(condition.equals)
				: value !== condition.equals
		)
			return false;
	}
	if (condition.oneOf !== undefined) {
		const ok = condition.oneOf.some((option) =>
			typeof option === 'string' ? text !== undefined && fold(text) === fold(option) : value === option
		);
		if (!ok) return false;
	}
	if (condition.matches !== undefined) {
		if (text === undefined || !compiled(condition.matches, condition.ignoreCase).test(text)) return false;
	}
	if (
		condition.isCode &&
		(text === undefined || !codes.has(source, condition.field ?? condition.at ?? '', text, condition.ignoreCase))
	)
		return false;
	return true;
}

function jsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value === 'object' ? 'object' : typeof value;
}

const patterns = new Map<string, RegExp>();
/** Catalog patterns compile once; `new RegExp` on every response would dominate small inputs. */
export function compiled(pattern: string, ignoreCase = false): RegExp {
	const key = `${ignoreCase ? 'i' : ''}/${pattern}`;
	let found = patterns.get(key);
	if (!found) {
		found = new RegExp(pattern, ignoreCase ? 'i' : '');
		patterns.set(key, found);
	}
	return found;
}

export function conditionHolds(
	condition: WireCondition,
	document: WireDocument,
	source: string,
	codes: WireCodeIndex
): boolean {
	if (condition.mediaType !== undefined) return mediaType(document.headers) === condition.mediaType.toLowerCase();
	const root = document.body.kind === 'json' ? document.body.value : undefined;
	if (condition.atLeast !== undefined) {
		return (
			isRecord(root) && (condition.of ?? []).filter((name) => Object.hasOwn(root, name)).length >= condition.atLeast
		);
	}
	if (condition.onlyMembers !== undefined) {
		const allowed = new Set(condition.onlyMembers);
		return isRecord(root) && Object.keys(root).length > 0 && Object.keys(root).every((name) => allowed.has(name));
	}
	const values = locate(document, condition.at ?? '');
	if (condition.absent) return values.length === 0;
	return values.some((value) => value !== undefined && valuePasses(value, condition, source, codes));
}

/** Evidence that names the vendor, as against a shape others share. */
export function isSpecific(condition: WireCondition): boolean {
	return (
		condition.specific === true ||
		condition.equals !== undefined ||
		condition.oneOf !== undefined ||
		condition.matches !== undefined ||
		condition.pattern !== undefined ||
		condition.isCode === true ||
		condition.mediaType !== undefined ||
		(condition.at?.startsWith('header:') === true && condition.absent !== true)
	);
}

function bodyFits(format: WireFormat, document: WireDocument): boolean {
	return format.body === 'any' || format.body === document.body.kind;
}

/** Every source's claim on the response, best first. */
/** One signature, prepared once: its score and the top-level members a JSON body must have for it to hold. */
interface PreparedSignature {
	source: string;
	format: WireFormat;
	all: readonly WireCondition[];
	score: readonly [number, number];
	/** Members of a JSON object body that the signature reads or tests for presence. */
	members: readonly string[];
}

/** The first step of a body locator, when it names a member of the root object. */
function rootMember(condition: WireCondition): string | undefined {
	if (condition.at === undefined || condition.absent || condition.at.startsWith('header:')) return undefined;
	const first = condition.at.split('.', 1)[0]?.replace(/\[\]$/, '');
	return first && first !== '*' ? first : undefined;
}

const prepared = new WeakMap<readonly WireSource[], PreparedSignature[]>();
function signaturesOf(sources: readonly WireSource[]): PreparedSignature[] {
	let found = prepared.get(sources);
	if (!found) {
		found = sources.flatMap((source) =>
			source.wire.flatMap((format) =>
				format.recognize.map((signature) => ({
					source: source.id,
					format,
					all: signature.all,
					score: [signature.all.filter(isSpecific).length, signature.all.length] as const,
					members: [...new Set(signature.all.flatMap((condition) => rootMember(condition) ?? []))],
				}))
			)
		);
		prepared.set(sources, found);
	}
	return found;
}

/** Every source's claim on the response, best first. */
export function claims(document: WireDocument, sources: readonly WireSource[], codes: WireCodeIndex): Claim[] {
	const best = new Map<WireFormat, Claim>();
	const root = document.body.kind === 'json' && isRecord(document.body.value) ? document.body.value : undefined;
	for (const signature of signaturesOf(sources)) {
		if (!bodyFits(signature.format, document)) continue;
		// Most signatures name a member the body does not have: skip them before testing anything.
		if (root && !signature.members.every((member) => Object.hasOwn(root, member))) continue;
		if (!signature.all.every((condition) => conditionHolds(condition, document, signature.source, codes))) continue;
		const current = best.get(signature.format);
		if (!current || compareScores(signature.score, current.score) > 0)
			best.set(signature.format, {
				source: signature.source,
				format: signature.format,
				matched: signature.all,
				score: signature.score,
			});
	}
	return [...best.values()].sort((a, b) => compareClaims(b, a));
}

function compareScores(a: readonly [number, number], b: readonly [number, number]): number {
	return a[0] - b[0] || a[1] - b[1];
}

/** Positive when `a` beats `b`: more specific evidence, then more evidence, then a dialect over its base. */
function compareClaims(a: Claim, b: Claim): number {
	const byScore = compareScores(a.score, b.score);
	if (byScore !== 0) return byScore;
	if (a.format.refines === b.source) return 1;
	if (b.format.refines === a.source) return -1;
	return 0;
}

/**
 * The claims that tie for first place with different sources. Empty when
 * one sender is clear; the catalog tests require that for every example.
 */
export function rivals(found: readonly Claim[]): Claim[] {
	const [first] = found;
	if (!first) return [];
	return found.filter((claim) => claim !== first && claim.source !== first.source && compareClaims(first, claim) === 0);
}
