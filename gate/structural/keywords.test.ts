// The structural engine compares only the keywords its families list (HANDLED, their union) and
// reports any other as an "unrecognised keyword" change, judged by value alone. So every keyword
// the contract's schemas use must be one a family compares, an annotation, or one the resolver
// consumes before comparing: a keyword put into a schema with no family to read it fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonSchema } from '../../schema/schemas';
import { loadSurfaces } from '../surfaces';
import { HANDLED } from './compare';

const root = path.join(__dirname, '..', '..');

/** Inlined away by schema/json/resolveRefs.ts: no resolved tree the engine walks holds them. */
const RESOLVED_AWAY = new Set(['$schema', '$id', '$ref', '$defs']);
/** Keywords holding one subschema, a map of them, or a list of them (draft 2020-12). */
const ONE = [
  'additionalProperties',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** Every keyword used at a schema position under `node` (field names, enum values and x-* data are not keywords). */
function keywordsOf(node: unknown, into = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return into;
  const schema = node as JsonSchema;
  for (const [k, v] of Object.entries(schema)) {
    into.add(k);
    if (ONE.includes(k)) keywordsOf(v, into);
    if (MAP.includes(k)) for (const sub of Object.values(v as object)) keywordsOf(sub, into);
    if (LIST.includes(k)) for (const sub of v as unknown[]) keywordsOf(sub, into);
  }
  return into;
}

const isAnnotation = (k: string) => k.startsWith('x-');
const unhandled = (keywords: Iterable<string>, allowed: ReadonlySet<string>) =>
  [...keywords].filter((k) => !HANDLED.has(k) && !isAnnotation(k) && !allowed.has(k)).sort();

const schemaFiles = ['schema', 'schema/generated'].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => `${dir}/${f}`),
);
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

test.each(schemaFiles)('%s uses only keywords the structural engine compares', (rel) => {
  expect(unhandled(keywordsOf(JSON.parse(read(rel))), RESOLVED_AWAY)).toEqual([]);
});

test('what the resolver inlines away never reaches the engine, and nothing unhandled does', () => {
  const surfaces = loadSurfaces(read, 'test', 'generated', schemaFiles);
  expect(surfaces?.length).toBeGreaterThan(0);
  for (const { resolved } of surfaces ?? [])
    expect(unhandled(keywordsOf(resolved.schema), new Set())).toEqual([]);
});

test('the annotations, bounds, object and applicator keywords are among the handled', () => {
  for (const k of ['description', 'title', 'examples', '$comment', 'default', 'maxLength', 'multipleOf'])
    expect(HANDLED.has(k)).toBe(true);
  for (const k of ['required', 'dependentRequired', 'propertyNames', 'prefixItems', 'oneOf', 'else'])
    expect(HANDLED.has(k)).toBe(true);
});

test('a keyword no family compares is caught, wherever it sits in the schema', () => {
  const schema = {
    $id: 'x',
    type: 'object',
    'x-source': { dependencies: 'data, not a keyword' },
    properties: { dependencies: { type: 'string', contentEncoding: 'base64' } },
    $defs: { a: { anyOf: [{ dependencies: { a: ['b'] } }] } },
    items: { $dynamicRef: '#x' },
    enum: [{ $recursiveRef: 'data' }],
  };
  expect(unhandled(keywordsOf(schema), RESOLVED_AWAY)).toEqual(['$dynamicRef', 'dependencies']);
});
