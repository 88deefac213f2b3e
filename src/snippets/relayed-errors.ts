/**
 * Finds the failure hidden under a successful HTTP status: an Integry relay
 * whose app answered 4xx or 5xx, GraphQL `errors`, and Slack's `ok: false`.
 * Call it on every response you parsed as JSON, whatever its status.
 */

/** `status` is always the outer HTTP status. */
export type Outcome =
	| { failed: false }
	/** The HTTP status itself says it failed. */
	| { failed: true; layer: 'http'; status: number }
	/** Integry ran the function; the app behind it answered `appStatus`, with its own body in `output`. */
	| { failed: true; layer: 'integry'; status: number; appStatus: number; output: unknown }
	/** GraphQL: the codes found, and whether `data` came back with the errors (partial success). */
	| { failed: true; layer: 'graphql'; status: number; codes: string[]; partial: boolean }
	/** Slack Web API: the method's error code. */
	| { failed: true; layer: 'slack'; status: number; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `extensions.code` by convention; some servers (GitHub's GraphQL API) put a `type` on the error item instead. */
function graphqlCode(item: unknown): string | null {
	if (!isRecord(item)) return null;
	const code = isRecord(item.extensions) ? item.extensions.code : undefined;
	if (typeof code === 'string') return code;
	return typeof item.type === 'string' ? item.type : null;
}

export function unwrap(status: number, body: unknown): Outcome {
	if (isRecord(body)) {
		// Integry: the app's status is a string such as "409"; the outer status is 200.
		if (typeof body.network_code === 'string' && 'output' in body) {
			const appStatus = Number.parseInt(body.network_code, 10);
			if (Number.isInteger(appStatus) && appStatus >= 400) {
				return { failed: true, layer: 'integry', status, appStatus, output: body.output };
			}
			return status >= 400 ? { failed: true, layer: 'http', status } : { failed: false };
		}
		// GraphQL: a non-empty `errors` list is a failure of at least part of the request.
		if (Array.isArray(body.errors) && body.errors.length > 0 && ('data' in body || status < 400)) {
			const codes = body.errors.map(graphqlCode).filter((code): code is string => code !== null);
			const partial = isRecord(body.data) && Object.values(body.data).some((value) => value !== null);
			return { failed: true, layer: 'graphql', status, codes, partial };
		}
		// Slack: `ok` is the signal; the status is usually 200 either way.
		if (body.ok === false && typeof body.error === 'string') {
			return { failed: true, layer: 'slack', status, error: body.error };
		}
	}
	return status >= 400 ? { failed: true, layer: 'http', status } : { failed: false };
}
