import { createRequestValidator, schemas } from '../../schema';
import { schemaNegatives } from './schemaNegatives';

const valid = {
  event_name: 'app-init',
  session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
  user_id: 111111111,
  app_name: 'docs',
  custom_data: { conformance_run: 'r' },
};
const validator = createRequestValidator({ strict: false });
const negatives = schemaNegatives(schemas.event);
const ids = negatives.map((n) => n.id);

describe('schemaNegatives', () => {
  test('one missing-case per required field, read from the schema', () => {
    expect(ids.filter((id) => id.startsWith('missing.'))).toEqual(
      (schemas.event.required as string[]).map((f) => `missing.${f}`),
    );
  });

  test('a wrong-type case for every top-level property, and cases inside array items', () => {
    for (const prop of Object.keys(schemas.event.properties as object))
      expect(ids).toContain(`wrong-type.${prop}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'wrong-type.messages[0].address',
        'wrong-type.prices[0].amount',
        'wrong-type.suggested_tip_amounts[0]',
      ]),
    );
  });

  test('enum and format cases: an unknown event name, an auth_type outside its values, an invalid uuid', () => {
    expect(ids).toEqual(
      expect.arrayContaining(['not-in-enum.event_name', 'not-in-enum.auth_type', 'bad-format.session_id']),
    );
  });

  test('ids are unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(negatives.map((n) => [n.id, n]))(
    '%s is invalid against the schema, and the base event is valid',
    (_id, n) => {
      expect(validator.validate([valid]).ok).toBe(true);
      expect(validator.validate([n.build(valid)]).ok).toBe(false);
    },
  );
});
