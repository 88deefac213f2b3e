/**
 * RFC 9457 problem details, from both ends: building the error response of
 * an API you own, and reading one the way the RFC tells a consumer to.
 */

export interface ProblemInit {
	/** A URI that names the problem type and, ideally, opens its documentation. */
	type: string;
	/** Short summary of the type: the same for every occurrence. */
	title: string;
	status: number;
	/** This occurrence, for people. Clients must not parse it. */
	detail?: string;
	/** This occurrence, for support. Opaque to clients. */
	instance?: string;
	/** Extension members the type defines, such as `errors`. */
	extensions?: Record<string, unknown>;
}

export interface ProblemResponse {
	status: number;
	headers: Record<string, string>;
	body: Record<string, unknown>;
}

const STANDARD = ['type', 'title', 'status', 'detail', 'instance'] as const;

export function problemResponse(init: ProblemInit): ProblemResponse {
	const body: Record<string, unknown> = {};
	// Extensions first, so they can never overwrite a standard member.
	for (const [name, value] of Object.entries(init.extensions ?? {})) {
		if (!(STANDARD as readonly string[]).includes(name)) body[name] = value;
	}
	Object.assign(body, { type: init.type, title: init.title, status: init.status });
	if (init.detail !== undefined) body.detail = init.detail;
	if (init.instance !== undefined) body.instance = init.instance;
	return { status: init.status, headers: { 'content-type': 'application/problem+json' }, body };
}

/**
 * A `type` URI that resolves to Error Atlas's page for a catalog code, e.g.
 * `synchive/publish-error`: code pages live at `/codes/<source>/<id>/` (SPEC §2).
 * `site` is where the reference is served, a sub-path included.
 */
export function atlasTypeUri(site: string, qualifiedName: string): string {
	return new URL(`codes/${qualifiedName}/`, site.endsWith('/') ? site : `${site}/`).href;
}

export interface FieldProblem {
	/** What is wrong with this field, for people. */
	detail: string;
	/** JSON Pointer (RFC 6901) into the request body, e.g. `/items/0/quantity`. */
	pointer: string;
}

/** Several problems of one type in one response: an `errors` extension, as in RFC 9457's own example. */
export function validationProblem(type: string, problems: readonly FieldProblem[], instance?: string): ProblemResponse {
	return problemResponse({
		type,
		title: 'Your request is not valid.',
		status: 422,
		detail: `${problems.length} field${problems.length === 1 ? ' is' : 's are'} not valid.`,
		...(instance === undefined ? {} : { instance }),
		extensions: { errors: problems.map(({ detail, pointer }) => ({ detail, pointer })) },
	});
}

export interface ReadProblem {
	type: string;
	title?: string;
	status?: number;
	detail?: string;
	instance?: string;
	extensions: Record<string, unknown>;
}

/**
 * Reads a parsed body as problem details. A member of the wrong JSON type is
 * ignored, as RFC 9457 requires: a string `"status": "409"` is no status, and
 * a `type` that is not a string means `about:blank`.
 */
export function readProblem(value: unknown): ReadProblem | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const body = value as Record<string, unknown>;
	const problem: ReadProblem = { type: typeof body.type === 'string' ? body.type : 'about:blank', extensions: {} };
	if (typeof body.title === 'string') problem.title = body.title;
	if (typeof body.status === 'number' && Number.isInteger(body.status)) problem.status = body.status;
	if (typeof body.detail === 'string') problem.detail = body.detail;
	if (typeof body.instance === 'string') problem.instance = body.instance;
	for (const [name, member] of Object.entries(body)) {
		if (!(STANDARD as readonly string[]).includes(name)) problem.extensions[name] = member;
	}
	return problem;
}
