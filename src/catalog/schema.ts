/**
 * The one definition of what the Error Atlas catalog holds.
 *
 * Every page, the search index, the exported JSON and the classifier read
 * entries through these types, so a field is described here once and
 * inferred (`z.infer`) everywhere else. The schema is plain zod with no Astro
 * import: the CLI, the tests and the `check` script load the catalog without
 * Astro, and the content collections reuse the very same objects.
 */
import { z } from 'zod';

/** The canonical categories (SPEC §1). `unknown` is only ever a classification result. */
export const CATEGORY_IDS = [
	'authentication',
	'permission',
	'not-found',
	'validation',
	'conflict',
	'locked',
	'rate-limit',
	'quota',
	'payment',
	'too-large',
	'unsupported',
	'upstream',
	'unavailable',
	'timeout',
	'internal',
] as const;
export const categoryIdSchema = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof categoryIdSchema>;

/**
 * When a retryable failure may be retried (SPEC §3 `retryWhen`): `always`,
 * the request was not processed (429, 503, a lock held, retry-later); or
 * `idempotent`, it may have been (500, 502, 504, timeouts), so retry only a
 * request that is idempotent or carries an idempotency key.
 */
export const RETRY_WHEN = ['always', 'idempotent'] as const;
export const retryWhenSchema = z.enum(RETRY_WHEN);
export type RetryWhen = z.infer<typeof retryWhenSchema>;

/** Who has to do something before the request can succeed. */
export const ACTORS = ['caller', 'end-user', 'platform', 'third-party'] as const;
export const actorSchema = z.enum(ACTORS);
export type Actor = z.infer<typeof actorSchema>;

/** The error systems of SPEC §1: five platforms, the upstream formats, and HTTP itself. */
export const SOURCE_KINDS = ['platform', 'format', 'http'] as const;
export const sourceKindSchema = z.enum(SOURCE_KINDS);

/** A URL slug: lowercase letters, digits and single hyphens. */
const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a URL slug: lowercase letters, digits and hyphens');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** An HTTP status code as it appears on the wire. */
export const httpStatusSchema = z
	.number()
	.int('must be a whole number')
	.min(100, 'must be an HTTP status between 100 and 599')
	.max(599, 'must be an HTTP status between 100 and 599');

export const referenceSchema = z
	.object({
		title: nonEmpty,
		url: z.url('must be an absolute URL'),
	})
	.strict();
export type Reference = z.infer<typeof referenceSchema>;

/**
 * One example response. `body` is kept as written: a JSON value is printed
 * as JSON, a string (XML, HTML, text) verbatim.
 */
export const exampleSchema = z
	.object({
		title: nonEmpty.optional(),
		status: httpStatusSchema,
		/** The reason phrase printed on the status line; defaults to the status's name. */
		statusText: nonEmpty.optional(),
		headers: z.record(z.string(), z.string()).default({}),
		body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
		/** Where this example's shape comes from, when it is not the entry's first reference. */
		source: z.url().optional(),
		note: nonEmpty.optional(),
	})
	.strict();
export type Example = z.infer<typeof exampleSchema>;

/** How a member of an error body may be relied on (anchors: "contract versus prose"). */
export const FIELD_ROLES = ['contract', 'identifier', 'prose', 'hint'] as const;
export const fieldDescriptionSchema = z
	.object({
		/** A JSON path such as `error.code`, or a header name such as `Retry-After`. */
		path: nonEmpty,
		role: z.enum(FIELD_ROLES),
		meaning: nonEmpty,
	})
	.strict();
export type FieldDescription = z.infer<typeof fieldDescriptionSchema>;

/**
 * Text shown between quotation marks in an entry's prose, declared as a
 * quote: words from the vendor's docs (`docs`), or a message as a server or
 * client sends it (`message`). Either way it is exact and carries the page
 * it comes from, which must be one of the entry's references.
 */
export const quoteSchema = z
	.object({
		text: nonEmpty,
		url: z.url('must be an absolute URL'),
		kind: z.enum(['docs', 'message']).default('docs'),
	})
	.strict();
export type Quote = z.infer<typeof quoteSchema>;

/** A code entry: one documented error of one source (SPEC §1 "A code entry"). */
export const codeEntrySchema = z
	.object({
		id: slug,
		title: nonEmpty,
		status: httpStatusSchema,
		category: categoryIdSchema,
		/** `null` when it truly depends (say on what in `retryNote`). */
		retryable: z.boolean().nullable(),
		retryNote: nonEmpty.optional(),
		/** With `retryable: true`: whether the request may have been processed. Defaults by category. */
		retryWhen: retryWhenSchema.optional(),
		/**
		 * A catch-all code (a generic "validation failed", "record invalid"):
		 * a specific meaning in its message ("already exists") says more.
		 * `upstream` codes are catch-alls by nature.
		 */
		broad: z.literal(true).optional(),
		actor: actorSchema,
		/** The vendor's own code or type, exactly as it appears on the wire. */
		wireCode: nonEmpty.optional(),
		/**
		 * The member that carries `wireCode`, as a path of the source's wire
		 * format (`error.code`, `errors[].extensions.code`, `[].errorCode`).
		 * The classifier looks codes up by this field and value.
		 */
		wireField: nonEmpty.optional(),
		/**
		 * A pattern (JavaScript regular expression, anchored by its author) for
		 * wire values this entry stands for as a group, such as Integry's
		 * `network_code` 500–599. An exact `wireCode` match wins over a pattern.
		 */
		wirePattern: nonEmpty.optional(),
		/** Other members and values that name this entry (SyncHive's `typeCode` beside its `type` URI). */
		wireAlso: z.array(z.object({ field: nonEmpty, code: nonEmpty }).strict()).default([]),
		/** Other statuses the same code is documented or seen with, besides `status`. */
		otherStatuses: z.array(httpStatusSchema).default([]),
		messageFormat: nonEmpty.optional(),
		summary: nonEmpty,
		causes: z.array(nonEmpty).min(1, 'needs at least one cause'),
		fixes: z.array(nonEmpty).min(1, 'needs at least one fix'),
		fields: z.array(fieldDescriptionSchema).default([]),
		examples: z.array(exampleSchema).min(1, 'needs at least one example response'),
		aliases: z.array(nonEmpty).default([]),
		/** Qualified names (`<source>/<id>`) of other entries. */
		related: z
			.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be a qualified name <source>/<id>'))
			.default([]),
		references: z.array(referenceSchema).min(1, 'needs at least one reference'),
		/** Caveats: inferences, contradictions in the vendor's docs, things the vendor leaves undocumented. */
		notes: z.array(nonEmpty).default([]),
		/** Every passage the prose shows as a quote, exactly, with where it is quoted from. */
		quotes: z.array(quoteSchema).default([]),
	})
	.strict();
export type CodeEntry = z.infer<typeof codeEntrySchema>;

/** A code entry as the catalog holds it: with its source, qualified name and file. */
export const catalogCodeSchema = codeEntrySchema.extend({
	source: slug,
	/** The qualified name, `<source>/<id>`. */
	name: z.string(),
	/** Project-relative path of the data file it was read from. */
	file: z.string(),
});
export type CatalogCode = z.infer<typeof catalogCodeSchema>;

/** A source's code file: the source id and its entries in order. */
export const codeFileSchema = z
	.object({
		source: slug,
		codes: z.array(z.unknown()),
	})
	.strict();

/** A numbering scheme inside a source's codes, such as SyncHive's `logCode` (`4005E`). */
export const codeSchemeSchema = z
	.object({
		name: nonEmpty,
		description: nonEmpty,
		pattern: nonEmpty,
		ranges: z.array(z.object({ from: z.number().int(), to: z.number().int(), meaning: nonEmpty }).strict()),
		levels: z.array(z.object({ letter: z.string().regex(/^[A-Z]$/), meaning: nonEmpty }).strict()),
		examples: z.array(z.object({ code: nonEmpty, reading: nonEmpty }).strict()).default([]),
		notes: z.array(nonEmpty).default([]),
	})
	.strict();
export type CodeScheme = z.infer<typeof codeSchemeSchema>;

/**
 * Recognition as data (see CONTRIBUTING.md). A source declares how its
 * errors look on the wire; one generic engine (`src/classifier/wire/`)
 * reads these declarations for every source.
 *
 * A locator names where a value sits: a body path (`error.code`,
 * `errors[].extensions.code`, `[].errorCode`, `data.*.userErrors[].code`;
 * XML element paths `Error.Code`; on HTML pages `page.title`, `page.h1`,
 * `page.text`; a plain-text body as a whole, `text`) or a response header
 * (`header:request-id`).
 */
const locator = nonEmpty;

/** A JavaScript regular expression, checked to compile when the catalog loads. */
const pattern = nonEmpty.refine((value) => {
	try {
		new RegExp(value);
		return true;
	} catch {
		return false;
	}
}, 'must be a valid regular expression');

/**
 * One test of a response. Tests on a located value: present (no test
 * given), `absent`, `type`, `equals`, `oneOf`, `matches`, `isCode` (the
 * value is one of this source's own wire codes for that field).
 * `mediaType`, `atLeast` … `of` (how many of the named members the body
 * has) and `onlyMembers` test the response as a whole.
 */
export const wireConditionSchema = z
	.object({
		at: locator.optional(),
		absent: z.literal(true).optional(),
		type: z.enum(['string', 'number', 'boolean', 'object', 'array', 'null']).optional(),
		equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
		oneOf: z
			.array(z.union([z.string(), z.number(), z.boolean()]))
			.min(1)
			.optional(),
		matches: pattern.optional(),
		ignoreCase: z.literal(true).optional(),
		isCode: z.literal(true).optional(),
		/** Test capture group 1 of this pattern instead of the whole value (a parameter inside a header). */
		pattern: pattern.optional(),
		/** With `isCode`: the `wireField` the codes are declared under, when it is not `at`. */
		field: nonEmpty.optional(),
		mediaType: nonEmpty.optional(),
		atLeast: z.number().int().min(1).optional(),
		of: z.array(nonEmpty).min(1).optional(),
		onlyMembers: z.array(nonEmpty).min(1).optional(),
		/**
		 * Presence of a member whose name is the vendor's own (Integration
		 * Labs' `platform_error`) is evidence specific to it, as a value test is.
		 */
		specific: z.literal(true).optional(),
	})
	.strict()
	.superRefine((condition, context) => {
		const kinds = [
			condition.at !== undefined,
			condition.mediaType !== undefined,
			condition.atLeast !== undefined,
			condition.onlyMembers !== undefined,
		].filter(Boolean).length;
		if (kinds !== 1)
			context.addIssue({
				code: 'custom',
				message: 'needs exactly one of at, mediaType, atLeast (with of), onlyMembers',
			});
		if ((condition.atLeast === undefined) !== (condition.of === undefined))
			context.addIssue({ code: 'custom', message: 'atLeast and of go together' });
	});
export type WireCondition = z.infer<typeof wireConditionSchema>;

/** Where a code is read, and the field its entries declare it under (`wireField`). */
export const codeReadSchema = z
	.object({
		at: locator,
		/** The `wireField` codes read here are declared with; defaults to `at`. */
		field: nonEmpty.optional(),
		/** Keep only capture group 1 of this pattern (`…#ResourceNotFoundException` → the name). */
		pattern: pattern.optional(),
		ignoreCase: z.literal(true).optional(),
		/**
		 * A broad class rather than a code (Stripe's `error.type`): it decides
		 * only when the HTTP status does not.
		 */
		coarse: z.literal(true).optional(),
	})
	.strict();
export type CodeRead = z.infer<typeof codeReadSchema>;

/** A value to read: the first locator that has one wins. `join` gathers every value found. */
export const valueReadSchema = z.union([
	locator,
	z
		.object({
			at: locator,
			pattern: pattern.optional(),
			ignoreCase: z.literal(true).optional(),
			/** Join all values found (`errors[].message`) with this separator. */
			join: z.string().optional(),
			/** Read the member names of the object found, not its values (a map of field → messages). */
			keys: z.literal(true).optional(),
		})
		.strict(),
]);
export type ValueRead = z.infer<typeof valueReadSchema>;

export const retryAfterReadSchema = z
	.object({
		at: locator,
		unit: z.enum(['seconds', 'minutes', 'duration']),
		/** The wait the vendor documents when the member is absent. */
		default: z.number().min(0).optional(),
		/** Only for these entries of the source (ids); for all when absent. */
		entries: z.array(slug).optional(),
	})
	.strict();

/** A sentence shown when a member is present: `{value}`, `{count}` and `{s}` (a plural s) are filled in. */
export const wireNoteSchema = z
	.object({ when: locator, text: nonEmpty, nonEmpty: z.literal(true).optional() })
	.strict();

/** One wire format of a source (a source can have several: Shopify REST and GraphQL). */
export const wireFormatSchema = z
	.object({
		/** What this shape is called, for evidence ("Stripe error object"). */
		name: nonEmpty,
		body: z.enum(['json', 'xml', 'html', 'text', 'any']).default('json'),
		/** The envelope reported as `format` (SPEC §3): a source id, or `json`/`html`; defaults to the source's id. */
		format: slug.optional(),
		/** A source whose envelope this one is a dialect of: on equal evidence this one wins. */
		refines: slug.optional(),
		/** Alternative signatures: the shape is recognised when every condition of one of them holds. */
		recognize: z.array(z.object({ all: z.array(wireConditionSchema).min(1) }).strict()).min(1),
		codes: z.array(codeReadSchema).default([]),
		/** The entry this shape always means, whatever its code (Integry's `error_details`). */
		entry: slug.optional(),
		/** No code matched: the source's one entry with the response's status (Datafold's conventions). */
		byStatus: z.literal(true).optional(),
		/**
		 * A code read here that no entry lists is still of a known kind: this entry
		 * (an id) describes it (OAuth's provider extension codes at a token endpoint).
		 */
		unlisted: slug.optional(),
		/** The vendor's code as shown to people; defaults to the code that matched, else the first code read. */
		vendorCode: z.array(valueReadSchema).default([]),
		message: z.array(valueReadSchema).default([]),
		status: z.array(locator).default([]),
		requestId: z.array(valueReadSchema).default([]),
		traceId: z.array(valueReadSchema).default([]),
		instance: z.array(valueReadSchema).default([]),
		docUrl: z.array(valueReadSchema).default([]),
		fieldNames: z.array(valueReadSchema).default([]),
		/**
		 * Further words about the failure beside the message (per-field errors, the
		 * relayed platform's own text): the message vocabulary reads them when the
		 * message alone does not tell.
		 */
		details: z.array(valueReadSchema).default([]),
		/** A boolean member saying whether to retry (SyncHive's `retryable`). */
		retryable: z
			.object({
				at: locator,
				/** What its absence means, as the vendor documents it. */
				whenAbsent: z.boolean().optional(),
				/** Only for these entries of the source (ids); for all when absent. */
				entries: z.array(slug).optional(),
			})
			.strict()
			.optional(),
		retryAfter: z.array(retryAfterReadSchema).default([]),
		/** A member read with the source's `codeScheme` (SyncHive's `logCode`). */
		scheme: locator.optional(),
		/** The failure arrives with HTTP 200 (GraphQL, Slack): say so. */
		errorUnder200: z.literal(true).optional(),
		/** Another response relayed inside this one, classified again as `inner` (SPEC §3). */
		relay: z
			.object({
				body: locator,
				status: locator.optional(),
				/** Who answered inside, for the explanation ("the connected app"). */
				sender: nonEmpty,
			})
			.strict()
			.optional(),
		notes: z.array(wireNoteSchema).default([]),
	})
	.strict();
export type WireFormat = z.infer<typeof wireFormatSchema>;

/** Where a source is listed for browsing (`src/catalog/source-groups.ts` names them). */
export const SOURCE_GROUP_IDS = ['platform', 'standard', 'api', 'infrastructure', 'framework'] as const;
export const sourceGroupSchema = z.enum(SOURCE_GROUP_IDS);
export type SourceGroup = z.infer<typeof sourceGroupSchema>;

/** An error system: a platform of the catalog, an upstream format, or HTTP. */
export const sourceSchema = z
	.object({
		id: slug,
		name: nonEmpty,
		kind: sourceKindSchema,
		/** Where it is listed for browsing; by default platforms, HTTP as a standard, and other formats as vendor APIs. */
		group: sourceGroupSchema.optional(),
		/** Other names people know it by (former names, company names). */
		aliases: z.array(nonEmpty).default([]),
		summary: nonEmpty,
		envelope: z
			.object({
				mediaType: nonEmpty.optional(),
				description: nonEmpty,
				example: exampleSchema,
			})
			.strict(),
		/** Steps for reading one of its errors, in order. */
		howToRead: z.array(nonEmpty).min(1),
		fields: z.array(fieldDescriptionSchema).default([]),
		codeScheme: codeSchemeSchema.optional(),
		/** How its errors are recognised and read on the wire. */
		wire: z.array(wireFormatSchema).default([]),
		retries: nonEmpty.optional(),
		references: z.array(referenceSchema).min(1, 'needs at least one reference'),
		notes: z.array(nonEmpty).default([]),
		/** Every passage the prose shows as a quote, exactly, with where it is quoted from. */
		quotes: z.array(quoteSchema).default([]),
	})
	.strict();
export type Source = z.infer<typeof sourceSchema>;

export const catalogSourceSchema = sourceSchema.extend({ file: z.string() });
export type CatalogSource = z.infer<typeof catalogSourceSchema>;

/** An HTTP status (SPEC §1 "Statuses"). */
export const statusEntrySchema = z
	.object({
		status: httpStatusSchema,
		name: nonEmpty,
		/** The category a bare response with this status falls in, if any. */
		category: categoryIdSchema.optional(),
		meaning: nonEmpty,
		actor: actorSchema,
		retryable: z.boolean().nullable(),
		/** With `retryable: true`: whether the request may have been processed. Defaults by category. */
		retryWhen: retryWhenSchema.optional(),
		retry: nonEmpty,
		/** Where the status is defined: an RFC, or for a vendor's own status (Cloudflare's 52x) the vendor's document. */
		spec: z
			.object({
				rfc: z
					.string()
					.regex(/^RFC \d+$/, 'must look like "RFC 9110"')
					.optional(),
				document: nonEmpty.optional(),
				section: nonEmpty,
				url: z.url(),
			})
			.strict()
			.refine(
				(spec) => (spec.rfc === undefined) !== (spec.document === undefined),
				'needs exactly one of rfc, document'
			),
		aliases: z.array(nonEmpty).default([]),
		notes: z.array(nonEmpty).default([]),
	})
	.strict();
export type StatusEntry = z.infer<typeof statusEntrySchema>;

export const statusFileSchema = z.object({ statuses: z.array(z.unknown()) }).strict();
