/**
 * `error-atlas mcp`: the catalog and the classifier as an MCP server over
 * standard input and output, for AI coding agents.
 *
 * Tools: `explain_response` (classify a pasted response), `lookup_code`
 * (a code, alias or wire code, found the way the site's search finds it) and
 * `list_codes` (filter and page through the catalog). Resources: one per code,
 * addressed by its page's absolute URL, holding the entry as
 * `/codes/<source>/<id>.json` has it.
 *
 * Everything is answered from the catalog loaded once at start, with the same
 * classifier as the CLI and the site. It never fetches. Standard output is the
 * protocol, so every log line goes to standard error.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
	ErrorCode,
	ListResourcesRequestSchema,
	McpError,
	type CallToolResult,
	type ListResourcesResult,
	type ReadResourceResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.ts';
import { CATEGORIES } from '../catalog/categories.ts';
import { toCodeJson } from '../catalog/export.ts';
import { CATEGORY_IDS, type CatalogCode, type CatalogSource } from '../catalog/schema.ts';
import { buildExactTermIndex, exactMatches, normalizeTerm, type ExactTermIndex } from '../catalog/search-terms.ts';
import { codeUrl } from '../catalog/urls.ts';
import { classify, toClassifierData, type ClassifierData, type ClassifyOptions } from '../classifier/index.ts';

/** The longest response text `explain_response` takes; longer text is most likely a paste gone wrong. */
export const MAX_RESPONSE_CHARS = 2_000_000;
/** Array elements and object members allowed in one tool call's arguments (a HAR file included). */
export const MAX_INPUT_ELEMENTS = 200_000;
export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;
/** Resources listed per `resources/list` page. */
export const RESOURCE_PAGE_SIZE = 200;

export interface McpServerOptions {
	/** The public URL of the site's root, no trailing slash (`publicSiteUrl(process.env)`). */
	siteUrl: string;
	/** The classifier's view of the same catalog, when the caller already built it. */
	data?: ClassifierData;
	/** Where log lines go; standard error unless told. Never standard output: that is the protocol. */
	log?: (line: string) => void;
	/** The version reported to clients. */
	version?: string;
}

export interface StartMcpServerOptions extends McpServerOptions {
	stdin?: Readable;
	stdout?: Writable;
}

const logToStderr = (line: string): void => {
	process.stderr.write(`error-atlas mcp: ${line}\n`);
};

/** A tool's answer: the object as JSON text for the model, and as structured content for programs. */
function jsonResult(value: Record<string, unknown>): CallToolResult {
	return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value };
}

/** A tool's "this did not work" answer: a sentence, and what to try instead. */
function toolError(message: string, hint?: string): CallToolResult {
	return { content: [{ type: 'text', text: hint ? `${message}\nHint: ${hint}` : message }], isError: true };
}

/** Runs a tool handler so that no failure escapes: a bug becomes an error result, not a dead server. */
function guarded<A>(
	name: string,
	log: (line: string) => void,
	handler: (args: A) => CallToolResult
): (args: A) => CallToolResult {
	return (args) => {
		try {
			return handler(args);
		} catch (error) {
			log(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
			return toolError(`${name} failed unexpectedly: ${(error as Error)?.message ?? String(error)}`);
		}
	};
}

/** Looks a system up by id, name or alias, as the site's search does. */
function findSource(catalog: Catalog, index: ExactTermIndex, system: string): CatalogSource | undefined {
	const direct = catalog.source(system.trim().toLowerCase());
	if (direct) return direct;
	for (const target of index[normalizeTerm(system)] ?? []) {
		const id = /^\/sources\/([a-z0-9-]+)\/$/.exec(target.url)?.[1];
		const source = id ? catalog.source(id) : undefined;
		if (source) return source;
	}
	return undefined;
}

function unknownSystem(catalog: Catalog, system: string): CallToolResult {
	return toolError(
		`Unknown system "${system}".`,
		`use a source id or name: ${catalog.sources.map((source) => source.id).join(', ')}.`
	);
}

/** The category's default applies when a retryable code does not say when (SPEC §3 `retryWhen`). */
function retryWhenOf(code: CatalogCode): string | null {
	if (code.retryable !== true) return null;
	return code.retryWhen ?? CATEGORIES.find((category) => category.id === code.category)?.retryWhen ?? null;
}

/** A cursor is the offset of the next item, written as text so clients treat it as opaque. */
function readCursor(cursor: string | undefined): number | undefined {
	if (cursor === undefined || cursor === '') return 0;
	return /^\d{1,9}$/.test(cursor) ? Number(cursor) : undefined;
}

/** Builds the server with its tools and resources; `connect` it to a transport to serve. */
export function createMcpServer(catalog: Catalog, options: McpServerOptions): McpServer {
	const log = options.log ?? logToStderr;
	const data = options.data ?? toClassifierData(catalog);
	const index = buildExactTermIndex(catalog);
	const siteUrl = options.siteUrl.replace(/\/+$/, '');
	const absolute = (path: string): string => `${siteUrl}${path}`;
	const codeByUrl = new Map(catalog.codes.map((code) => [codeUrl(code.name), code]));
	const sourceIds = catalog.sources.map((source) => source.id);

	const server = new McpServer(
		{ name: 'error-atlas', title: 'Error Atlas', version: options.version ?? '0.1.0' },
		{
			maxToolInputElements: MAX_INPUT_ELEMENTS,
			instructions:
				'Error Atlas explains failed HTTP responses from integration platforms and APIs: paste one into ' +
				'explain_response, look a code up with lookup_code, or browse with list_codes. Offline: answers come ' +
				'from the catalog shipped with the project.',
		}
	);

	server.registerTool(
		'explain_response',
		{
			title: 'Explain an error response',
			description:
				'Classifies a failed HTTP response: which documented error it is, its category, whether and when to ' +
				'retry, and what to do next. Give `response` as text (a raw response with status line and headers, ' +
				'`curl -i` output, a body alone, or JSON text of {status, headers, body} or a HAR entry), or ' +
				'`response_object` as an object. Returns the classification and the absolute URL of its page.',
			inputSchema: {
				response: z
					.string()
					.min(1, 'response is empty: paste the status line, headers and body, or the body alone')
					.max(
						MAX_RESPONSE_CHARS,
						`response is too long: at most ${MAX_RESPONSE_CHARS.toLocaleString('en')} characters (send the status line, headers and the start of the body)`
					)
					.optional()
					.describe('The response as text: raw HTTP, a body alone, or JSON text of {status, headers, body} / HAR'),
				response_object: z
					.record(z.string(), z.unknown())
					.optional()
					.describe('The response as an object: {"status": 409, "headers": {...}, "body": "..."}, or a HAR entry'),
				source: z
					.string()
					.max(100, 'source is too long: give a catalog source id such as "synchive"')
					.optional()
					.describe(
						`The platform that sent it, when the body does not say (a source id or name: ${sourceIds.join(', ')})`
					),
			},
			annotations: { readOnlyHint: true, openWorldHint: false },
		},
		guarded('explain_response', log, ({ response, response_object, source }) => {
			if (response === undefined && response_object === undefined)
				return toolError(
					'Missing input: give `response` (the response as text) or `response_object` (as an object).',
					'paste the whole response: status line, headers, a blank line, then the body.'
				);
			if (response !== undefined && response_object !== undefined)
				return toolError('Give either `response` or `response_object`, not both.');
			const classifyOptions: ClassifyOptions = {};
			if (source !== undefined) {
				const found = findSource(catalog, index, source);
				if (!found) return unknownSystem(catalog, source);
				classifyOptions.source = found.id;
			}
			const result = classify(response ?? response_object, data, classifyOptions);
			const page = result.links.code ?? result.links.status ?? (result.code ? codeUrl(result.code) : undefined);
			return jsonResult({ ...result, url: page ? absolute(page) : null });
		})
	);

	server.registerTool(
		'lookup_code',
		{
			title: 'Look up an error code',
			description:
				'Finds catalog entries by code, alias or wire code (`card_declined`, `RETRY_LATER`, `NoSuchKey`), ' +
				'qualified name (`stripe/card-declined`), or system and code together (`stripe card_declined`). ' +
				'Returns each entry: meaning, HTTP status, category, retry verdict, fixes, references and page URL.',
			inputSchema: {
				code: z
					.string()
					.trim()
					.min(1, 'code is empty: give a code such as "card_declined" or "stripe/card-declined"')
					.max(200, 'code is too long: give one code, alias or qualified name')
					.describe('A code, alias, wire code or qualified name <source>/<id>'),
				system: z
					.string()
					.trim()
					.min(1)
					.max(100)
					.optional()
					.describe(`Only entries of this system (a source id or name: ${sourceIds.join(', ')})`),
			},
			annotations: { readOnlyHint: true, openWorldHint: false },
		},
		guarded('lookup_code', log, ({ code, system }) => {
			const source = system === undefined ? undefined : findSource(catalog, index, system);
			if (system !== undefined && !source) return unknownSystem(catalog, system);
			const targets = exactMatches(code, index);
			const all = targets.flatMap((target) => {
				const entry = codeByUrl.get(target.url);
				return entry ? [entry] : [];
			});
			const entries = source ? all.filter((entry) => entry.source === source.id) : all;
			if (entries.length === 0) {
				const elsewhere = source && all.length > 0 ? all.map((entry) => entry.name).join(', ') : undefined;
				const pages = targets.filter((target) => !codeByUrl.has(target.url));
				const hint = elsewhere
					? `other systems have it: ${elsewhere}. Drop \`system\` to see them.`
					: pages.length > 0
						? `"${code}" names ${pages.map((target) => `${target.label} (${absolute(target.url)})`).join('; ')}, not a code. For the codes sent with a status, call list_codes with \`status\`.`
						: 'give the code exactly as the API sends it (`card_declined`), its qualified name (`stripe/card-declined`), or browse with list_codes; to explain a whole response, use explain_response.';
				return toolError(
					source ? `No code "${code}" in ${source.name}'s catalog.` : `No code "${code}" in the catalog.`,
					hint
				);
			}
			return jsonResult({
				query: code,
				...(source ? { system: source.id } : {}),
				matches: entries.map((entry) => ({
					name: entry.name,
					source: entry.source,
					sourceName: catalog.source(entry.source)?.name ?? entry.source,
					...(entry.wireCode ? { wireCode: entry.wireCode } : {}),
					title: entry.title,
					meaning: entry.summary,
					status: entry.status,
					...(entry.otherStatuses.length > 0 ? { otherStatuses: entry.otherStatuses } : {}),
					category: entry.category,
					retryable: entry.retryable,
					retryWhen: retryWhenOf(entry),
					...(entry.retryNote ? { retryNote: entry.retryNote } : {}),
					fixes: entry.fixes,
					references: entry.references.map(({ title, url }) => ({ title, url })),
					url: absolute(codeUrl(entry.name)),
				})),
			});
		})
	);

	server.registerTool(
		'list_codes',
		{
			title: 'List error codes',
			description:
				'Lists catalog codes, optionally of one system, category or HTTP status, a page at a time. Pass the ' +
				'returned `nextCursor` as `cursor` for the next page.',
			inputSchema: {
				system: z.string().trim().min(1).max(100).optional().describe('A source id or name'),
				category: z.enum(CATEGORY_IDS).optional().describe('A category id'),
				status: z
					.number()
					.int('status must be a whole number')
					.min(100, 'status must be an HTTP status between 100 and 599')
					.max(599, 'status must be an HTTP status between 100 and 599')
					.optional()
					.describe('An HTTP status: codes documented with it'),
				cursor: z.string().max(20).optional().describe('The `nextCursor` of the previous page'),
				limit: z
					.number()
					.int('limit must be a whole number')
					.min(1, 'limit must be at least 1')
					.max(LIST_LIMIT_MAX, `limit must be at most ${LIST_LIMIT_MAX}`)
					.default(LIST_LIMIT_DEFAULT)
					.describe(`Codes per page (default ${LIST_LIMIT_DEFAULT}, at most ${LIST_LIMIT_MAX})`),
			},
			annotations: { readOnlyHint: true, openWorldHint: false },
		},
		guarded('list_codes', log, ({ system, category, status, cursor, limit }) => {
			const source = system === undefined ? undefined : findSource(catalog, index, system);
			if (system !== undefined && !source) return unknownSystem(catalog, system);
			const offset = readCursor(cursor);
			if (offset === undefined)
				return toolError(`Bad cursor "${cursor}".`, 'pass the `nextCursor` of the previous answer unchanged.');
			let codes = status === undefined ? catalog.codes : catalog.codesWithStatus(status);
			if (source) codes = codes.filter((code) => code.source === source.id);
			if (category) codes = codes.filter((code) => code.category === category);
			const page = codes.slice(offset, offset + limit);
			const next = offset + limit < codes.length ? String(offset + limit) : undefined;
			return jsonResult({
				total: codes.length,
				codes: page.map((code) => ({
					name: code.name,
					title: code.title,
					status: code.status,
					category: code.category,
					url: absolute(codeUrl(code.name)),
				})),
				...(next ? { nextCursor: next } : {}),
			});
		})
	);

	// One resource per code, at its page's URL; its content is the code's JSON export.
	const resourceOf = (code: CatalogCode) => ({
		uri: absolute(codeUrl(code.name)),
		name: code.name,
		title: `${code.title} (${catalog.source(code.source)?.name ?? code.source})`,
		description: code.summary,
		mimeType: 'application/json',
	});
	server.registerResource(
		'code',
		new ResourceTemplate(absolute(codeUrl('{source}/{id}')), {
			list: () => ({ resources: catalog.codes.map(resourceOf) }),
		}),
		{
			title: 'Error Atlas code entry',
			description: 'One catalog code as JSON, addressed by its page URL',
			mimeType: 'application/json',
		},
		(uri, variables): ReadResourceResult => {
			const code = catalog.code(`${String(variables.source)}/${String(variables.id)}`);
			if (!code)
				throw new McpError(
					ErrorCode.InvalidParams,
					`No code at ${uri.href}: look it up with lookup_code, or list codes with list_codes`
				);
			return {
				contents: [
					{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(toCodeJson(catalog, code), null, 2) },
				],
			};
		}
	);
	// The SDK lists every template's resources in one answer; 1,500 codes are better paged.
	server.server.setRequestHandler(ListResourcesRequestSchema, (request): ListResourcesResult => {
		const offset = readCursor(request.params?.cursor);
		if (offset === undefined)
			throw new McpError(ErrorCode.InvalidParams, `Bad cursor "${request.params?.cursor}": pass nextCursor unchanged`);
		const page = catalog.codes.slice(offset, offset + RESOURCE_PAGE_SIZE).map(resourceOf);
		const next = offset + RESOURCE_PAGE_SIZE;
		return { resources: page, ...(next < catalog.codes.length ? { nextCursor: String(next) } : {}) };
	});

	return server;
}

/** Serves the catalog over standard input and output until the client goes away. */
export async function startMcpServer(catalog: Catalog, options: StartMcpServerOptions): Promise<McpServer> {
	const log = options.log ?? logToStderr;
	const stdin = options.stdin ?? process.stdin;
	const stdout = options.stdout ?? process.stdout;
	// The server outlives any one bad request: log what escaped, keep serving. A client gone is the end.
	process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
		if (error?.code === 'EPIPE') process.exit(0);
		log(`uncaught: ${error?.stack ?? String(error)}`);
	});
	process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${String(reason)}`));
	stdin.on('end', () => process.exit(0));
	const server = createMcpServer(catalog, { ...options, log });
	server.server.onerror = (error) => log(`protocol: ${error.message}`);
	await server.connect(new StdioServerTransport(stdin, stdout));
	log(`serving ${catalog.codes.length} codes over stdio (links to ${options.siteUrl})`);
	return server;
}
