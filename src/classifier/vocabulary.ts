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
		// A daily or monthly allowance says more than "too many requests": it comes first.
		pattern:
			/quota|usage limit|(?:daily|monthly|day's|month's) (?:limit|quota|cap|allowance)|limits? (?:for|per) (?:today|the day|the month)|per day|credits? (?:exhausted|used up)/i,
		category: 'quota',
		label: '“quota” / “daily limit”',
	},
	{
		pattern:
			/rate.?limit|too many (?:requests|attempts)|throttl|slow down|concurren(?:t|cy) (?:requests?|calls?|limit)/i,
		category: 'rate-limit',
		label: '“rate limit” / “too many requests”',
	},
	{
		pattern: /too large|payload too|entity too|exceeds the maximum (?:size|length)|size limit exceeded|request size/i,
		category: 'too-large',
		label: '“too large”',
	},
	{
		pattern:
			/payment required|billing|\b(?:card|payment|transaction|charge)\b.{0,30}\bdeclin|declined by (?:the )?(?:issuer|bank|acquirer)|insufficient (?:\w+ )?(?:funds|balance)|balance (?:is )?(?:too low|insufficient)|\bcredit ?card\b|\bacquirer\b/i,
		category: 'payment',
		label: '“card declined” / “insufficient funds”',
	},
	{
		// Credentials before "not found": "API key not found" is about the key, not a resource.
		pattern:
			/\b(?:api[ _-]?key|access[ _-]?token|bearer token|auth(?:entication)? token|credentials?)\b.{0,40}\b(?:not found|missing|invalid|expired|not provided|required|revoked|not valid)\b|\b(?:missing|invalid|expired|no|bad|wrong|valid|correct) (?:(?:http|api) )?(?:api[ _-]?key|access[ _-]?token|token|credentials|password)|(?:incorrect|invalid) (?:username|user name|login|password|email or password)|unauthori[sz]ed|unauthenticated|not authenticated|token (?:has )?expired|log ?in required|csrf|\bjwt\b|authorization header|\bmfa\b|multi-?factor|two-factor|\b2fa\b/i,
		category: 'authentication',
		label: '“invalid API key” / “unauthorized”',
	},
	{ pattern: /timed? ?out|deadline exceeded|timeout/i, category: 'timeout', label: '“timed out”' },
	{
		pattern: /unavailable|maintenance|try again later|retry later|bad gateway|upstream connect|overloaded|temporarily/i,
		category: 'unavailable',
		label: '“unavailable” / “try again later”',
	},
	{ pattern: /\blocked\b|lock (?:conflict|timeout)|unable to lock/i, category: 'locked', label: '“locked”' },
	{
		pattern:
			/already exists|already (?:a|an|in|have|taken|registered|in use|been taken|being used|used|been used)|duplicate|conflict|is taken|must be unique/i,
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
		pattern: /forbidden|permission|not allowed|access (?:is )?denied|insufficient (?:scope|privileges)|not permitted/i,
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
			/required|missing|invalid|not valid|must (?:be|contain|have|match|not)|too (?:short|long)|malformed|validation|check constraint|constraint violation|violates .{0,40}constraint|bad request|unprocessable|cannot be blank|can't be blank/i,
		category: 'validation',
		label: '“required” / “invalid”',
	},
	{
		pattern: /internal (?:server )?error|unexpected error|something went wrong|server error/i,
		category: 'internal',
		label: '“internal error”',
	},
];

/**
 * Where the message's words may refine a category that a status or a
 * catch-all code states only loosely: a 400 is "something about the request",
 * a 403 "not allowed", a 500 "it failed", an `upstream` code "the app behind
 * failed", a 429 "too much" (per second, or for the day). A specific meaning
 * in the message ("already exists", "insufficient funds", "invalid API key",
 * "daily limit") is the better answer.
 */
const SPECIFIC: readonly CategoryId[] = [
	'authentication',
	'conflict',
	'payment',
	'quota',
	'rate-limit',
	'too-large',
	'timeout',
];
/** A limit for a day or a month: what makes a rate limit a quota that waits for its reset. */
export const PERIOD_QUOTA = /\b(?:daily|monthly|per (?:day|month)|for (?:today|the day|the month)|day's|month's)\b/i;

export const REFINEMENTS: Readonly<Partial<Record<CategoryId, readonly CategoryId[]>>> = {
	validation: SPECIFIC,
	permission: SPECIFIC,
	internal: SPECIFIC,
	upstream: SPECIFIC,
	'rate-limit': ['quota'],
	// A 401, or a provider's own token error, that speaks of too many logins is a limit, not bad credentials.
	authentication: ['rate-limit', 'quota'],
};

/** The category the message's words suggest, with the rule that fired. */
export function categoryFromMessage(message: string | undefined): MessageRule | undefined {
	if (!message) return undefined;
	const head = message.slice(0, 2000);
	return MESSAGE_RULES.find((rule) => rule.pattern.test(head));
}

/** What one text of a response says, and which rule said it. */
export interface WordsVerdict {
	text: string;
	rule: MessageRule;
}

/**
 * The first of the texts (message, then details, then the code as words)
 * whose words fire a rule that `accept` takes: the message speaks first.
 */
export function categoryFromTexts(
	texts: readonly (string | undefined)[],
	accept: (rule: MessageRule) => boolean = () => true
): WordsVerdict | undefined {
	for (const text of texts) {
		const rule = categoryFromMessage(text);
		if (text && rule && accept(rule)) return { text, rule };
	}
	return undefined;
}

/**
 * A vendor's code as words, for the vocabulary: `QueueDoesNotExist` →
 * "Queue Does Not Exist", `INSUFFICIENT_BALANCE` → "INSUFFICIENT BALANCE".
 * A code is chosen words, so it may tell where the message does not.
 */
export function codeWords(code: string | undefined): string | undefined {
	if (!code) return undefined;
	const words = code
		.slice(0, 300)
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[^A-Za-z0-9]+/g, ' ')
		.trim();
	return words || undefined;
}
