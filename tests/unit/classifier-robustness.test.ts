/**
 * The classifier never throws and always answers, whatever it is given:
 * random strings and JSON, megabytes of text, JSON nested 100,000 deep, and
 * strings built to make each regular expression backtrack. Speed is measured
 * by `npm run bench:classify`, not here; these tests check answers only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classify, GENERIC_FORMATS, toClassifierData, type Classification } from '../../src/classifier/index.ts';
import { classifyOrThrow } from '../../src/classifier/classify.ts';
import type { ClassifierData } from '../../src/classifier/data.ts';
import { MESSAGE_RULES } from '../../src/classifier/vocabulary.ts';

const { catalog } = await loadCatalog(process.cwd());
const data = toClassifierData(catalog);
/**
 * The fuzz tests call the classifier without its safety net, so a crash in
 * any reader fails them instead of turning into a quiet "not recognised".
 */
const classifyStrict = (input: unknown) => classifyOrThrow(input, data);

/** SPEC §3: a source with a wire format, or a generic shape. */
const FORMATS = [...GENERIC_FORMATS, ...data.sources.map((source) => source.id)];

function expectWellFormed(result: Classification): void {
	expect(FORMATS).toContain(result.format);
	expect(typeof result.title).toBe('string');
	expect(result.title.length).toBeGreaterThan(0);
	expect(Array.isArray(result.nextSteps)).toBe(true);
	expect([true, false, null]).toContain(result.retryable);
	expect(
		result.status === null || (Number.isInteger(result.status) && result.status >= 100 && result.status <= 599)
	).toBe(true);
	expect(result.retryAfterSeconds === null || result.retryAfterSeconds >= 0).toBe(true);
	// Serialisable, for --json and the playground.
	expect(() => JSON.stringify(result)).not.toThrow();
}

describe('the classifier on any input', () => {
	it('answers every string', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (input) => expectWellFormed(classifyStrict(input))),
			{
				numRuns: 500,
			}
		);
	});

	it('answers every JSON value, as text and as a value', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
				expectWellFormed(classifyStrict(JSON.stringify(value)));
				expectWellFormed(classifyStrict(value));
			}),
			{ numRuns: 500 }
		);
	});

	it('answers strings shaped like HTTP responses with random parts', () => {
		const header = fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ maxLength: 60 }));
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 999 }),
				fc.array(header, { maxLength: 8 }),
				fc.oneof(
					fc.string({ maxLength: 500 }),
					fc.jsonValue().map((value) => JSON.stringify(value))
				),
				fc.constantFrom('\n', '\r\n'),
				(status, headers, body, eol) => {
					const text = [`HTTP/1.1 ${status} X`, ...headers.map(([name, value]) => `${name}: ${value}`), '', body].join(
						eol
					);
					expectWellFormed(classifyStrict(text));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('answers objects shaped like {status, headers, body} and HAR logs with random members', () => {
		fc.assert(
			fc.property(fc.anything(), fc.anything(), fc.anything(), (status, headers, body) => {
				expectWellFormed(classifyStrict({ status, headers, body }));
				expectWellFormed(
					classifyStrict({
						log: { entries: [{ request: {}, response: { status, headers, content: { text: body } } }] },
					})
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('answers a 5 MB body of text, of JSON and of HTML', () => {
		const megabytes = 5 * 1024 * 1024;
		const text = 'lorem ipsum dolor '.repeat(Math.ceil(megabytes / 18));
		expectWellFormed(classifyStrict(text));
		const json = JSON.stringify({ error: { code: 'missing-params', message: 'x'.repeat(megabytes) } });
		const result = classifyStrict(`HTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n${json}`);
		expect(result.code).toBe('integration-labs/missing-params');
		expect((result.fields.message ?? '').length).toBeLessThan(5000);
		expectWellFormed(
			classifyStrict(
				`<html><head><title>502 Bad Gateway</title></head><body>${'<p>x</p>'.repeat(megabytes / 8)}</body></html>`
			)
		);
	});

	it('answers JSON nested 100,000 deep, as text and as a response body', () => {
		const deepArray = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
		const deepObject = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
		for (const body of [deepArray, deepObject]) {
			expectWellFormed(classifyStrict(body));
			expectWellFormed(classifyStrict(`HTTP/1.1 500 Internal Server Error\ncontent-type: application/json\n\n${body}`));
			expectWellFormed(classifyStrict(JSON.stringify({ status: 500, headers: {}, body })));
		}
	});

	it('stays linear on strings built against each regular expression', () => {
		// Long runs of the characters each pattern repeats over, with no match at the end.
		const attacks = [
			'HTTP/1.1 ' + ' '.repeat(100_000),
			'< HTTP/1.1 200\n' + '< x:'.repeat(50_000),
			'<title' + ' a'.repeat(100_000),
			'<' + 'a'.repeat(200_000),
			'&#' + '1'.repeat(100_000),
			'Retry-After: ' + '9'.repeat(100_000),
			...MESSAGE_RULES.map((rule) => `${rule.pattern.source.replace(/[^a-z ]/gi, '').slice(0, 8)} `.repeat(20_000)),
			'{"detail":[' + '{"loc":["a"],"msg":"m"},'.repeat(20_000) + '{}]}',
		];
		for (const attack of attacks) expectWellFormed(classifyStrict(attack));
		const header = `HTTP/1.1 429 Too Many Requests\nRetry-After: ${'1'.repeat(100_000)}\nX-RateLimit-Reset: ${'9'.repeat(100_000)}\n\n`;
		expectWellFormed(classifyStrict(header));
	});
});

describe('the safety net', () => {
	it('turns an internal failure into an honest "not recognised" instead of throwing', () => {
		const broken = {} as ClassifierData;
		expect(() => classifyOrThrow('HTTP/1.1 500 X\n\n{}', broken)).toThrow();
		const result = classify('HTTP/1.1 500 X\n\n{}', broken);
		expect(result.category).toBe('unknown');
		expect(result.evidence.at(-1)?.rule).toBe('the input could not be read');
	});
});
