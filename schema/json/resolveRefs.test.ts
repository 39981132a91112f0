import { RefError, resolveRefs } from './resolveRefs';

const ID = 'https://r.invalid/s/';
const names = { $id: `${ID}names.json`, type: 'string', enum: ['a', 'b'] };
const event = {
  $id: `${ID}event.json`,
  type: 'object',
  properties: {
    name: { description: 'the name', $ref: 'names.json' },
    items: { type: 'array', items: { $ref: '#/$defs/Item' } },
    data: { const: { $ref: 'not a reference: data' } },
  },
  $defs: { Item: { type: 'integer', minimum: 0 } },
};

describe('resolveRefs', () => {
  test('inlines references across files and into $defs, and keeps where each node came from', () => {
    const { schema, origins } = resolveRefs([names, event], event.$id);
    expect(schema).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', enum: ['a', 'b'], description: 'the name' },
        items: { type: 'array', items: { type: 'integer', minimum: 0 } },
        data: { const: { $ref: 'not a reference: data' } },
      },
    });
    const props = (schema as { properties: Record<string, { items?: object }> }).properties;
    expect(origins.get(props.name)).toBe('names.json#');
    expect(origins.get(props.items.items as object)).toBe('event.json#/$defs/Item');
    expect(origins.get(props.items)).toBe('event.json#/properties/items');
  });

  test('resolves a root given with a fragment', () => {
    expect(resolveRefs([event, names], `${event.$id}#/$defs/Item`).schema).toEqual({
      type: 'integer',
      minimum: 0,
    });
  });

  test('a $ref whose sibling disagrees with the target keeps both, as an allOf', () => {
    const doc = { $id: `${ID}x.json`, $ref: 'names.json', enum: ['a'] };
    expect(resolveRefs([doc, names], doc.$id).schema).toEqual({
      allOf: [{ type: 'string', enum: ['a', 'b'] }, { enum: ['a'] }],
    });
  });

  test.each([
    ['a recursive reference', { $id: `${ID}r.json`, properties: { child: { $ref: '#' } } }, /recursive/],
    ['a reference outside the set', { $id: `${ID}o.json`, $ref: 'other.json' }, /outside the schema set/],
    ['an anchor', { $id: `${ID}a.json`, $ref: '#thing' }, /only JSON-pointer fragments/],
    ['a missing pointer', { $id: `${ID}m.json`, $ref: '#/$defs/Nope' }, /nothing at m\.json#\/\$defs\/Nope/],
    ['$dynamicRef', { $id: `${ID}d.json`, $dynamicRef: '#meta' }, /not supported/],
  ])('%s is refused with a reason', (_name, doc, message) => {
    expect(() => resolveRefs([doc], doc.$id)).toThrow(RefError);
    expect(() => resolveRefs([doc], doc.$id)).toThrow(message);
  });
});
