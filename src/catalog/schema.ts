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
		actor: actorSchema,
		/** The vendor's own code or type, exactly as it appears on the wire. */
		wireCode: nonEmpty.optional(),
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
 * One vendor code of an upstream format and its canonical category: the
 * classifier's lookup table (data, not `if` chains). `field` says which
 * member carries the code, since one format can have several (Google's
 * `error.status` and its `ErrorInfo.reason`; Stripe's `code` and `decline_code`).
 */
export const vendorCodeSchema = z
	.object({
		code: nonEmpty,
		field: nonEmpty,
		category: categoryIdSchema,
		retryable: z.boolean().nullable(),
		/** The status it usually comes with, when the vendor documents one. */
		status: httpStatusSchema.optional(),
		meaning: nonEmpty,
	})
	.strict();
export type VendorCode = z.infer<typeof vendorCodeSchema>;

/** An error system: a platform of the catalog, an upstream format, or HTTP. */
export const sourceSchema = z
	.object({
		id: slug,
		name: nonEmpty,
		kind: sourceKindSchema,
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
		vendorCodes: z.array(vendorCodeSchema).default([]),
		retries: nonEmpty.optional(),
		references: z.array(referenceSchema).min(1, 'needs at least one reference'),
		notes: z.array(nonEmpty).default([]),
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
		retry: nonEmpty,
		spec: z
			.object({
				rfc: z.string().regex(/^RFC \d+$/, 'must look like "RFC 9110"'),
				section: nonEmpty,
				url: z.url(),
			})
			.strict(),
		aliases: z.array(nonEmpty).default([]),
		notes: z.array(nonEmpty).default([]),
	})
	.strict();
export type StatusEntry = z.infer<typeof statusEntrySchema>;

export const statusFileSchema = z.object({ statuses: z.array(z.unknown()) }).strict();
