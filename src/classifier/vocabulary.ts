/**
 * The last resort: words in the message. Used only when neither a vendor code
 * nor the status decides (a body alone, a proxy page, a relayed text), and
 * reported in `evidence` as the rule that fired. Order matters: the more
 * specific phrases come first. Every pattern is a plain alternation with no
 * nested quantifier, run on at most 2,000 characters.
 */
import type { CategoryId } from '../catalog/schema.ts';

export interface MessageRule {
	pattern: RegExp;
	category: CategoryId;
	/** What the rule recognises, for `evidence`. */
	label: string;
}

export const MESSAGE_RULES: readonly MessageRule[] = [
	{
		pattern: /rate.?limit|too many requests|throttl|slow down/i,
		category: 'rate-limit',
		label: '“rate limit” / “too many requests”',
	},
	{ pattern: /quota|usage limit|limit reached|credits? (?:exhausted|used up)/i, category: 'quota', label: '“quota”' },
	{
		pattern: /too large|payload too|entity too|exceeds the maximum (?:size|length)/i,
		category: 'too-large',
		label: '“too large”',
	},
	{
		pattern: /payment|billing|card (?:was )?declined|insufficient funds/i,
		category: 'payment',
		label: '“payment” / “card declined”',
	},
	{ pattern: /timed? ?out|deadline exceeded|timeout/i, category: 'timeout', label: '“timed out”' },
	{
		pattern: /unavailable|maintenance|try again later|retry later|bad gateway|upstream connect|overloaded|temporarily/i,
		category: 'unavailable',
		label: '“unavailable” / “try again later”',
	},
	{ pattern: /\blocked\b|lock (?:conflict|timeout)|unable to lock/i, category: 'locked', label: '“locked”' },
	{
		pattern: /already exists|duplicate|already (?:a|in|taken|registered)|conflict/i,
		category: 'conflict',
		label: '“already exists” / “duplicate”',
	},
	{
		pattern:
			/not found|does not exist|doesn't exist|no such|unknown (?:resource|object|record)|could not resolve to an? /i,
		category: 'not-found',
		label: '“not found”',
	},
	{
		pattern:
			/unauthori[sz]ed|unauthenticated|not authenticated|invalid (?:api )?(?:key|token)|token (?:has )?expired|expired token|credentials|log ?in required/i,
		category: 'authentication',
		label: '“unauthorized” / “invalid token”',
	},
	{
		pattern: /forbidden|permission|not allowed|access denied|insufficient (?:scope|privileges)|not permitted/i,
		category: 'permission',
		label: '“forbidden” / “permission”',
	},
	{
		pattern: /not supported|unsupported|not implemented|method not allowed/i,
		category: 'unsupported',
		label: '“not supported”',
	},
	{
		pattern:
			/required|missing|invalid|not valid|must (?:be|contain|have|match|not)|too (?:short|long)|malformed|validation|bad request|unprocessable|cannot be blank|can't be blank/i,
		category: 'validation',
		label: '“required” / “invalid”',
	},
	{
		pattern: /internal (?:server )?error|unexpected error|something went wrong|server error/i,
		category: 'internal',
		label: '“internal error”',
	},
];

/** The category the message's words suggest, with the rule that fired. */
export function categoryFromMessage(message: string | undefined): MessageRule | undefined {
	if (!message) return undefined;
	const head = message.slice(0, 2000);
	return MESSAGE_RULES.find((rule) => rule.pattern.test(head));
}
