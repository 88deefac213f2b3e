/**
 * The catalog's envelopes as reusable OpenAPI 3.1 components
 * (`/openapi/problem-responses.yaml`), so an API description can reference
 * the error responses of the platforms it calls: one schema and one response
 * per error system, generated from each source's envelope and its example.
 *
 * The schemas are inferred from the documented example (member names and
 * JSON types, all members as in the example, none required beyond it): an
 * honest outline of the envelope, not the vendor's own schema. Each says so,
 * and links the source's page.
 */
import type { Catalog } from './catalog.ts';
import type { CatalogSource } from './schema.ts';
import { sourceUrl } from './urls.ts';

type JsonSchema = Record<string, unknown>;

/** A JSON Schema outline of a value: its type, and for objects and arrays, their members' outlines. */
export function outline(value: unknown, depth = 0): JsonSchema {
	if (value === null) return { type: 'null' };
	if (Array.isArray(value))
		return depth > 6 || value.length === 0 ? { type: 'array' } : { type: 'array', items: outline(value[0], depth + 1) };
	switch (typeof value) {
		case 'string':
			return { type: 'string' };
		case 'number':
			return { type: Number.isInteger(value) ? 'integer' : 'number' };
		case 'boolean':
			return { type: 'boolean' };
		case 'object': {
			if (depth > 6) return { type: 'object' };
			const properties = Object.fromEntries(
				Object.entries(value as Record<string, unknown>).map(([name, member]) => [name, outline(member, depth + 1)])
			);
			return { type: 'object', properties };
		}
		default:
			return {};
	}
}

/** A component name from a source id: `integration-labs` → `IntegrationLabsError`. */
export function componentName(source: CatalogSource): string {
	return `${source.id
		.split('-')
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join('')}Error`;
}

export function openApiComponents(catalog: Catalog, absolute: (path: string) => string): Record<string, unknown> {
	const schemas: Record<string, JsonSchema> = {};
	const responses: Record<string, unknown> = {};
	for (const source of catalog.sources) {
		const example = source.envelope.example;
		if (typeof example.body === 'string') continue;
		const name = componentName(source);
		const mediaType =
			source.envelope.mediaType ?? example.headers['content-type']?.split(';')[0]?.trim() ?? 'application/json';
		schemas[name] = {
			...outline(example.body),
			title: `${source.name} error`,
			description: `${source.envelope.description.trim()}\n\nOutlined from the documented example; see ${absolute(sourceUrl(source.id))}.`,
			externalDocs: { url: absolute(sourceUrl(source.id)) },
		};
		responses[name] = {
			description: `An error response of ${source.name} (${example.status}).`,
			content: { [mediaType]: { schema: { $ref: `#/components/schemas/${name}` }, example: example.body } },
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Error Atlas: error responses of integration platforms and APIs',
			version: '1',
			description:
				'Reusable schemas and responses for the error envelopes in the Error Atlas catalog, generated from it at build time. Reference them from your own API description with `$ref`.',
		},
		paths: {},
		components: { schemas, responses },
	};
}
