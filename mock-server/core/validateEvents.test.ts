import fc from 'fast-check';
import { createRequestValidator } from '../../schema';
import real from '../../schema/examples/real-clients.json';
import invalid from '../../schema/examples/invalid.json';
import { exceedsDepth } from './jsonDepth';
import { validateEvents } from './validateEvents';

const validator = createRequestValidator();
const goodEvents = (real.vectors as { body: unknown }[]).flatMap((v) =>
  Array.isArray(v.body) ? v.body : [v.body],
);
const badEvents = (invalid.vectors as { body: unknown }[]).flatMap((v) =>
  Array.isArray(v.body) ? v.body : [v.body],
);

describe('validateEvents: same verdict as the whole-body validator, bounded work', () => {
  test('agrees with validator.validate on batches mixing real and invalid events, and odd items', () => {
    const item = fc.oneof(
      fc.constantFrom(...goodEvents),
      fc.constantFrom(...badEvents),
      fc.constantFrom(null, 1, 'x', [], [goodEvents[0]]),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 6 }), item), (body) => {
        expect(validateEvents(validator, body).ok).toBe(validator.validate(body).ok);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('instance paths point into the batch', () => {
    const r = validateEvents(validator, [goodEvents[0], { ...(goodEvents[0] as object), user_id: 'x' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.instancePath)).toContain('/1/user_id');
  });

  test('100,000 empty objects: stops after the issue cap', () => {
    const r = validateEvents(
      validator,
      Array.from({ length: 100_000 }, () => ({})),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeLessThanOrEqual(50);
  });
});

describe('exceedsDepth', () => {
  test.each([
    ['{}', 1, false],
    ['[[]]', 1, true],
    ['{"a":"[[[[[["}', 1, false],
    ['{"a":"\\"[[["}', 1, false],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
  ])('%s with max %i → %s', (text, max, expected) => {
    expect(exceedsDepth(text, max)).toBe(expected);
  });
});
