import fc from 'fast-check';
import real from './examples/real-clients.json';
import invalid from './examples/invalid.json';
import { createAjv } from './ajv';
import { createRequestValidator, MAX_ISSUES, schemas } from './index';

const validator = createRequestValidator();
const asWritten = createAjv().getSchema(String(schemas.request.$id))!;
const events = (vectors: { body: unknown }[]) =>
  vectors.flatMap((v) => (Array.isArray(v.body) ? v.body : [v.body]));
const good = events(real.vectors);
const bad = events(invalid.vectors);

describe('createRequestValidator', () => {
  test('gives the verdict of the request schema as written, on mixed batches and odd bodies', () => {
    const item = fc.oneof(
      fc.constantFrom(...good),
      fc.constantFrom(...bad),
      fc.constantFrom(null, 1, 'x', [], [good[0]]),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 6 }), item), (body) => {
        expect(validator.validate(body).ok).toBe(asWritten(body));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  test('instance paths point into the batch', () => {
    const r = validator.validate([good[0], { ...(good[0] as object), user_id: 'x' }, [good[0]]]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => `${e.keyword} ${e.instancePath}`)).toEqual(['type /1/user_id', 'type /2']);
  });

  test('100,000 empty objects: bounded work, at most MAX_ISSUES issues', () => {
    const r = validator.validate(Array.from({ length: 100_000 }, () => ({})));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(MAX_ISSUES);
  });

  test('issues are copies: a later call does not change an earlier result', () => {
    const first = validator.validate({ ...(good[0] as object), user_id: 'x' });
    validator.validate({ ...(good[0] as object), session_id: 'nope' });
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.errors[0].instancePath).toBe('/user_id');
  });
});
