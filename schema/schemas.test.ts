import { EVENT_NAMES, schemas, toStrictEventSchema } from './index';
import committedStrict from './generated/event.strict.schema.json';

describe('strict variant', () => {
  test('has exactly the properties and required fields of the normal schema', () => {
    expect(Object.keys(schemas.eventStrict.properties as object)).toEqual(
      Object.keys(schemas.event.properties as object),
    );
    expect(schemas.eventStrict.required).toEqual(schemas.event.required);
    expect(schemas.eventStrict.additionalProperties).toBe(false);
    expect(schemas.event.additionalProperties).toBeUndefined();
  });

  test('is derived, not maintained by hand: adding a property to the source adds it to the strict variant', () => {
    const source = { ...schemas.event, properties: { ...(schemas.event.properties as object), extra: {} } };
    expect(Object.keys(toStrictEventSchema(source).properties as object)).toContain('extra');
  });

  test('the committed strict file is the derived one, marked generated', () => {
    expect(committedStrict).toEqual(schemas.eventStrict);
    expect(committedStrict.$comment).toMatch(/^Generated \(do not edit\)/);
  });
});

describe('event names', () => {
  test('are the SDK Events enum, as data', () => {
    expect(EVENT_NAMES).toHaveLength(23);
    expect(EVENT_NAMES).toContain('register-invoice');
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });
});

describe('descriptions and comments', () => {
  const props = Object.entries(schemas.event.properties as Record<string, Record<string, unknown>>);
  test.each(props)('%s has a description', (_name, prop) => {
    expect(typeof prop.description).toBe('string');
  });
  const undocumented = [
    'trace_id',
    'wallet_state_init',
    'signed_transaction',
    'slug',
    'title',
    'description',
    'payload',
    'currency',
    'prices',
  ];
  test.each(undocumented)('%s (not in the docs table) has a $comment naming its client', (name) => {
    const prop = (schemas.event.properties as Record<string, Record<string, unknown>>)[name];
    expect(String(prop.$comment)).toMatch(/Not in the docs table; .*(TON Connect tracker|official SDK)/);
  });
});
