import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { schemas, type JsonSchema } from '../../schema/schemas';
import { NONE, edgeValues, makeRng, sample, type SampleMode } from './sample';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const MODES: SampleMode[] = ['minimal', 'full', 'random'];
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

// The contract's schemas with every $ref inlined, as the gate hands them over ($id/$defs dropped so
// two inlined copies of the event schema do not clash inside ajv).
const FILES: Record<string, JsonSchema> = {
  'event.schema.json': schemas.event,
  'event.strict.schema.json': schemas.eventStrict,
  'event-names.schema.json': schemas.eventNames,
};
function resolve(node: unknown, root: JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((n) => resolve(n, root));
  if (typeof node !== 'object' || node === null) return node;
  const { $ref, $id: _id, $schema: _schema, $defs: _defs, ...rest } = node as JsonSchema;
  const own = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, resolve(v, root)]));
  if (typeof $ref !== 'string') return own;
  const target = $ref.startsWith('#/$defs/')
    ? (root.$defs as Record<string, JsonSchema>)[$ref.slice('#/$defs/'.length)]
    : FILES[$ref];
  if (!target) throw new Error(`unresolved ${$ref}`);
  return { ...(resolve(target, target.$defs ? target : root) as JsonSchema), ...own };
}
const resolved = (schema: JsonSchema) => resolve(schema, schema) as JsonSchema;

const responseDefs = Object.entries(schemas.responses.$defs as Record<string, JsonSchema>);
const CONTRACT: [string, JsonSchema][] = [
  ['request', resolved(schemas.request)],
  ['requestStrict', resolved(schemas.requestStrict)],
  ['threshold', resolved(schemas.threshold)],
  ...responseDefs.map(([name, def]): [string, JsonSchema] => [`responses/${name}`, resolved(def)]),
];

describe.each(MODES)('%s mode on the contract schemas', (mode) => {
  test.each(CONTRACT)('%s: at least 99%% of 200 seeded samples are valid', (_name, schema) => {
    expect(JSON.stringify(schema)).not.toContain('$ref');
    const validate = ajv.compile(schema);
    const valid = SEEDS.filter((seed) => {
      const value = sample(schema, makeRng(seed), mode);
      return value !== NONE && validate(value);
    }).length;
    expect(valid).toBeGreaterThanOrEqual(198);
  });
});

const event = resolved(schemas.event);
const eventStrict = resolved(schemas.eventStrict);
const declared = Object.keys(event.properties as object);

test('same seed, same values; different seeds, different values', () => {
  const request = resolved(schemas.request);
  const run = (seed: number) => {
    const rng = makeRng(seed);
    return Array.from({ length: 5 }, () => sample(request, rng, 'random'));
  };
  expect(run(7)).toEqual(run(7));
  expect(run(7)).not.toEqual(run(8));
  expect(makeRng(3)()).toBe(makeRng(3)());
  const draws = Array.from({ length: 1000 }, makeRng(5));
  expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
  expect(new Set(draws).size).toBeGreaterThan(990);
});

test('minimal objects hold only the required keys, full ones every declared property', () => {
  const minimal = sample(event, makeRng(1), 'minimal') as object;
  expect(Object.keys(minimal).sort()).toEqual([...(event.required as string[])].sort());
  const full = sample(event, makeRng(1), 'full') as object;
  expect(Object.keys(full).sort()).toEqual([...declared].sort());
});

test('random mode explores optional properties and adds an extra key only where allowed', () => {
  const open = SEEDS.map((seed) => sample(event, makeRng(seed), 'random') as Record<string, unknown>);
  const strict = SEEDS.map((seed) => sample(eventStrict, makeRng(seed), 'random') as Record<string, unknown>);
  for (const key of ['is_premium', 'messages', 'custom_data']) {
    expect(open.some((v) => key in v)).toBe(true);
    expect(open.some((v) => !(key in v))).toBe(true);
  }
  const extras = (values: Record<string, unknown>[]) => values.filter((v) => 'x_extra_0' in v).length;
  expect(extras(open)).toBeGreaterThan(10);
  expect(extras(open)).toBeLessThan(80);
  expect(extras(strict)).toBe(0);
  expect(strict.every((v) => Object.keys(v).every((k) => declared.includes(k)))).toBe(true);
});

test.each(['uuid', 'date-time', 'date', 'time', 'email', 'uri', 'uri-reference', 'hostname', 'ipv4', 'ipv6'])(
  'format %s: every mode yields a valid value',
  (format) => {
    const schema = { type: 'string', format };
    const validate = ajv.compile(schema);
    for (const mode of MODES) {
      for (const seed of SEEDS.slice(0, 50)) expect(validate(sample(schema, makeRng(seed), mode))).toBe(true);
    }
  },
);

const BOUNDED: [string, JsonSchema][] = [
  ['minLength', { type: 'string', minLength: 5 }],
  ['maxLength', { type: 'string', maxLength: 2 }],
  ['minLength and maxLength', { type: 'string', minLength: 3, maxLength: 3 }],
  ['minimum', { type: 'integer', minimum: 10 }],
  ['exclusiveMaximum', { type: 'number', exclusiveMaximum: -5 }],
  ['exclusive both, fractions only', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }],
  ['multipleOf', { type: 'integer', multipleOf: 7, minimum: 20 }],
  ['float multipleOf', { type: 'number', multipleOf: 0.1, minimum: 0.25, maximum: 3 }],
  ['minItems', { type: 'array', items: { type: 'integer' }, minItems: 2 }],
  ['maxItems', { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 1 }],
  ['uniqueItems', { type: 'array', items: { enum: [1, 2, 3, 4] }, minItems: 3, uniqueItems: true }],
  ['contains', { type: 'array', items: { type: 'integer' }, contains: { const: 5 } }],
  ['prefixItems', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'null' }], items: false }],
  ['pattern with example', { type: 'string', pattern: '^T[0-9]{3}-[a-z]+$', examples: ['nope', 'T123-abc'] }],
  ['pattern without example', { type: 'string', pattern: '^(ab|cd)[A-F0-9]{2,4}\\.x?$' }],
  ['const', { const: { a: [1, 'b'] } }],
  ['enum', { enum: ['ton_addr', 0, null] }],
  [
    'anyOf',
    {
      anyOf: [
        { type: 'string', minLength: 2 },
        { type: 'integer', minimum: 3 },
      ],
    },
  ],
  [
    'allOf',
    {
      allOf: [
        { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
        { properties: { b: { type: 'string', format: 'uuid' } }, required: ['b'], minProperties: 2 },
        { properties: { a: { minimum: 4 } } },
      ],
    },
  ],
  ['minProperties', { type: 'object', minProperties: 2 }],
  ['maxProperties', { type: 'object', properties: { a: {}, b: {}, c: {} }, maxProperties: 1 }],
  ['required, undeclared', { type: 'object', required: ['n'], additionalProperties: { type: 'integer' } }],
  ['untyped', {}],
  ['int32', { type: 'integer', format: 'int32' }],
  [
    'patternProperties, closed',
    { type: 'object', patternProperties: { '^k_[0-9]+$': { type: 'integer' } }, additionalProperties: false },
  ],
];

test.each(BOUNDED)('%s: every sample in every mode satisfies the schema', (_name, schema) => {
  const validate = ajv.compile(schema);
  for (const mode of MODES) {
    for (const seed of SEEDS.slice(0, 50)) {
      const value = sample(schema, makeRng(seed), mode);
      expect({ mode, value, valid: validate(value) }).toEqual({ mode, value, valid: true });
    }
  }
});

test('full mode makes a key for a simple patternProperties pattern', () => {
  const schema = { type: 'object', patternProperties: { '^k_[0-9]+$': { const: 1 } } };
  expect(Object.entries(sample(schema, makeRng(2), 'full') as object)).toEqual([
    [expect.stringMatching(/^k_\d+$/), 1],
  ]);
});

test('enum: minimal and full take the first member, random reaches the others', () => {
  const schema = { enum: ['a', 'b', 'c'] };
  expect(sample(schema, makeRng(1), 'minimal')).toBe('a');
  expect(sample(schema, makeRng(1), 'full')).toBe('a');
  expect(new Set(SEEDS.map((seed) => sample(schema, makeRng(seed), 'random')))).toEqual(
    new Set(['a', 'b', 'c']),
  );
});

test('a pattern example is used; what cannot be built is NONE', () => {
  const withExample = { type: 'string', pattern: '^(?=Z)Z\\d+$', examples: ['Z42'] };
  expect(sample(withExample, makeRng(1), 'minimal')).toBe('Z42');
  expect(sample(false, makeRng(1), 'random')).toBe(NONE);
  expect(sample({ not: {}, allOf: [false] }, makeRng(1), 'random')).toBe(NONE);
  expect(sample({ $ref: '#/$defs/x' }, makeRng(1), 'random')).toBe(NONE);
  expect(sample({ type: 'string', pattern: '^(?=a)b$' }, makeRng(1), 'random')).toBe(NONE);
  expect(sample({ type: 'string', pattern: '(' }, makeRng(1), 'random')).toBe(NONE);
  expect(sample({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 1 }, makeRng(1), 'full')).toBe(
    NONE,
  );
  expect(sample({ type: 'object', required: ['a'], properties: { a: false } }, makeRng(1), 'full')).toBe(
    NONE,
  );
  expect(sample(true, makeRng(1), 'minimal')).toBe('');
});

test('random integers sometimes exceed 2^32 (Telegram user ids do)', () => {
  const values = SEEDS.map((seed) => sample({ type: 'integer' }, makeRng(seed), 'random') as number);
  expect(values.some((v) => v > 2 ** 32)).toBe(true);
  expect(values.every(Number.isSafeInteger)).toBe(true);
});

test('a self-nesting schema stops at the depth limit', () => {
  let node: JsonSchema = { type: 'object', properties: { leaf: { type: 'string' } }, required: ['leaf'] };
  for (let i = 0; i < 30; i++) node = { type: 'object', properties: { child: node }, required: ['child'] };
  const value = sample(node, makeRng(1), 'full');
  expect(value === NONE || JSON.stringify(value).split('child').length <= 14).toBe(true);
});

const EVERY_TYPE = [null, true, 1, 'x', [], {}];
const edgeCases: [string, JsonSchema, unknown[]][] = [
  ['string', { type: 'string', minLength: 2, maxLength: 4 }, ['a', 'aa', 'aaaa', 'aaaaa', '', 'not-a-uuid']],
  [
    'number',
    { type: 'number', minimum: 1, exclusiveMaximum: 10 },
    [0, 1, 2, 0.5, 1.5, 9, 10, 11, 9.5, 2 ** 53],
  ],
  ['integer', { type: 'integer', maximum: 3 }, [2, 3, 4, -1, 0]],
  [
    'array',
    { type: 'array', items: { type: 'integer', minimum: 5 }, minItems: 1, maxItems: 2 },
    [[], [5], [5, 5], [5, 5, 5]],
  ],
];
test.each(edgeCases)(
  'edgeValues of a bounded %s: just-beyond values and every JSON type',
  (_n, schema, expected) => {
    const edges = edgeValues(schema);
    for (const value of [...expected, ...EVERY_TYPE]) expect(edges).toContainEqual(value);
    expect(edgeValues(schema)).toEqual(edges);
  },
);

test('edgeValues of an object: the minimal object, with an unknown key, and its enum members', () => {
  const schema = { type: 'object', properties: { kind: { enum: ['a', 'b'] } }, required: ['kind'] };
  const edges = edgeValues(schema);
  expect(edges).toContainEqual({ kind: 'a' });
  expect(edges).toContainEqual({ kind: 'a', x_unknown_key: 'x' });
  expect(edgeValues(schema.properties.kind)).toEqual(expect.arrayContaining(['a', 'b', ...EVERY_TYPE]));
  expect(edgeValues(false)).toEqual(EVERY_TYPE);
});
