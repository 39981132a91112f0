// Every test vector in schema/examples/ against both the normal and the strict schema.
import documented from './examples/documented.json';
import realClients from './examples/real-clients.json';
import invalid from './examples/invalid.json';
import strictOnly from './examples/strict-only.json';
import { createAjv } from './ajv';
import { createRequestValidator, schemas, type ValidationIssue } from './index';

interface Expect {
  keyword: string;
  instancePath: string;
  missingProperty?: string;
  additionalProperty?: string;
}
interface Vector {
  name: string;
  body: unknown;
  expect?: Expect;
}

const normal = createRequestValidator();
const strict = createRequestValidator({ strict: true });
const ajv = createAjv();
const fullRequest = ajv.getSchema(String(schemas.request.$id))!;
const fullRequestStrict = ajv.getSchema(String(schemas.requestStrict.$id))!;

const cases = (vectors: Vector[]) => vectors.map((v) => [v.name, v] as const);

function matches(errors: ValidationIssue[], expect: Expect): boolean {
  return errors.some(
    (e) =>
      e.keyword === expect.keyword &&
      e.instancePath === expect.instancePath &&
      (expect.missingProperty === undefined || e.params.missingProperty === expect.missingProperty) &&
      (expect.additionalProperty === undefined || e.params.additionalProperty === expect.additionalProperty),
  );
}

describe.each([
  ['documented examples', documented.vectors as Vector[]],
  ['real-client vectors', realClients.vectors as Vector[]],
])('%s are valid in both modes', (_group, vectors) => {
  test.each(cases(vectors))('%s', (_name, v) => {
    expect(normal.validate(v.body)).toEqual({ ok: true, events: Array.isArray(v.body) ? v.body : [v.body] });
    expect(strict.validate(v.body).ok).toBe(true);
    // The branch-picking validator agrees with the request schema as written (anyOf).
    expect(fullRequest(v.body)).toBe(true);
    expect(fullRequestStrict(v.body)).toBe(true);
  });
});

describe('invalid vectors are rejected in both modes, by the rule they name', () => {
  test.each(cases(invalid.vectors as Vector[]))('%s', (_name, v) => {
    for (const validator of [normal, strict]) {
      const result = validator.validate(v.body);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(matches(result.errors, v.expect!)).toBe(true);
    }
    expect(fullRequest(v.body)).toBe(false);
    expect(fullRequestStrict(v.body)).toBe(false);
  });
});

describe('strict-only vectors: accepted by default, rejected by strict mode', () => {
  test.each(cases(strictOnly.vectors as Vector[]))('%s', (_name, v) => {
    expect(normal.validate(v.body).ok).toBe(true);
    const result = strict.validate(v.body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(matches(result.errors, v.expect!)).toBe(true);
    expect(fullRequest(v.body)).toBe(true);
    expect(fullRequestStrict(v.body)).toBe(false);
  });
});

describe('vector coverage', () => {
  const properties = Object.keys(schemas.event.properties as object);
  const rules = new Set((invalid.vectors as { rule: string }[]).map((v) => v.rule));

  test.each(properties)('declared property %s has a wrong-type (or enum) vector', (prop) => {
    expect(rules.has(`type: ${prop}`) || rules.has(`enum: ${prop}`)).toBe(true);
  });

  test.each(schemas.event.required as string[])('required field %s has a missing-field vector', (field) => {
    expect(rules.has(`required: ${field}`)).toBe(true);
  });

  test('every supported event name has a real-client vector', () => {
    const seen = new Set(
      (realClients.vectors as Vector[]).flatMap((v) =>
        (Array.isArray(v.body) ? v.body : [v.body]).map((e) => (e as { event_name: string }).event_name),
      ),
    );
    expect([...(schemas.eventNames.enum as string[])].filter((n) => !seen.has(n))).toEqual([]);
  });
});
