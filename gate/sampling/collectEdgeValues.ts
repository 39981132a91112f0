// Values at the lines a schema draws (and just past them), for the counterexample search to try
// against the other version of the schema.
import type { JsonSchema } from '../../schema/schemas';
import { makeRng, ZERO } from './makeRng';
import { FORMATS } from './sampleString';
import { clone, has, isObj, NONE, num, typesOf, type SampleFn } from './sampleTypes';

/** Edge candidates for this node, using `sample` for the valid ones. Need NOT be valid. */
export function collectEdgeValues(schema: JsonSchema | boolean, sample: SampleFn): unknown[] {
  const out: unknown[] = [];
  collectEdges(schema, out, 0, sample);
  out.push(null, true, 1, 'x', [], {});
  const seen = new Set<string>();
  return out.filter((v) => {
    const key = JSON.stringify(v);
    if (key === undefined || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const lengthsAround = (min: number | undefined, max: number | undefined): number[] =>
  [min === undefined ? [] : [min - 1, min], max === undefined ? [] : [max, max + 1]]
    .flat()
    .filter((n) => n >= 0 && n <= 10000);

function collectEdges(schema: JsonSchema | boolean, out: unknown[], depth: number, sample: SampleFn): void {
  if (!isObj(schema) || depth > 3) return;
  const fixed = makeRng(1);
  for (const mode of ['minimal', 'full'] as const) {
    const value = sample(schema, fixed, mode);
    if (value !== NONE) out.push(value);
  }
  if (has(schema, 'const')) out.push(clone(schema.const));
  if (Array.isArray(schema.enum)) out.push(...clone(schema.enum));
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = schema[key];
    if (Array.isArray(branches))
      for (const b of branches) collectEdges(b as JsonSchema | boolean, out, depth + 1, sample);
  }
  const types = typesOf(schema);
  if (types.includes('string')) {
    out.push(
      '',
      'x',
      ...lengthsAround(num(schema.minLength), num(schema.maxLength)).map((n) => 'a'.repeat(n)),
    );
    out.push('not-a-uuid', 'not a date', 'no-at-sign');
    if (typeof schema.format === 'string' && FORMATS[schema.format]) out.push(FORMATS[schema.format](ZERO));
    if (Array.isArray(schema.examples)) out.push(...clone(schema.examples));
  }
  if (types.includes('number') || types.includes('integer')) {
    const fractions = types.includes('number');
    for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']) {
      const b = num(schema[key]);
      if (b !== undefined) out.push(b, b - 1, b + 1, ...(fractions ? [b - 0.5, b + 0.5] : []));
    }
    out.push(0, -1, 0.5, 2 ** 53);
  }
  if (types.includes('array')) {
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as (JsonSchema | boolean)[]) : [];
    const element = (i: number) => {
      const value = sample(
        i < prefix.length ? prefix[i] : ((schema.items ?? true) as JsonSchema | boolean),
        fixed,
        'minimal',
      );
      return value === NONE ? 'x' : value;
    };
    const lengths = lengthsAround(num(schema.minItems), num(schema.maxItems));
    for (const n of lengths.length ? lengths : [0, 1])
      out.push(Array.from({ length: n }, (_, i) => element(i)));
    out.push([element(0), element(0)]);
  }
  if (types.includes('object')) {
    const minimal = sample(schema, fixed, 'minimal');
    const base = isObj(minimal) ? minimal : {};
    out.push(base, { ...base, x_unknown_key: 'x' });
  }
}
