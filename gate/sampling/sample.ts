// The seeded value generator behind the gate's counterexample search: values meant to satisfy one
// version of a schema (sample) and values at the lines it draws (edgeValues), to be checked against
// the other version. Best effort by design: every caller validates what it gets with ajv, so a
// keyword honoured loosely costs a discarded sample, never a false finding. No fast-check: a
// counterexample in a CI report must be reproducible from its seed alone.
//
// This module is the sampler's public face and its dispatcher; each kind of value is made in its own
// module beside it, and the ones that recurse get `sample` passed in rather than importing it.
import { typeAllows } from '../../schema/json/jsonType';
import type { JsonSchema } from '../../schema/schemas';
import { collectEdgeValues } from './collectEdgeValues';
import { pick, type Rng } from './makeRng';
import { mergeSchemas } from './mergeSchemas';
import { sampleArray } from './sampleArray';
import { sampleNumber } from './sampleNumber';
import { sampleObject } from './sampleObject';
import { sampleString } from './sampleString';
import { clone, has, isObj, NONE, typesOf, type SampleMode, type Sampled } from './sampleTypes';

export { makeRng, type Rng } from './makeRng';
export { NONE, type SampleMode } from './sampleTypes';

// Resolved schemas are finite trees, but a resolver may inline a recursive $ref as a cycle.
const DEPTH_LIMIT = 8;

/** A value meant to satisfy `schema` (boolean schemas too: false → NONE). */
export function sample(
  schema: JsonSchema | boolean,
  rng: Rng,
  mode: SampleMode,
  depth = 0,
): Sampled | typeof NONE {
  if (schema === true) schema = {};
  if (!isObj(schema)) return NONE;
  if (depth > DEPTH_LIMIT + 4) return NONE;
  if (depth > DEPTH_LIMIT) mode = 'minimal';
  if (has(schema, '$ref') || has(schema, '$dynamicRef')) return NONE;
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    let merged: JsonSchema | false = rest;
    for (const part of allOf) merged = merged && mergeSchemas(merged, part as JsonSchema | boolean);
    return merged ? sample(merged, rng, mode, depth + 1) : NONE;
  }
  const branchKey = Array.isArray(schema.anyOf) ? 'anyOf' : Array.isArray(schema.oneOf) ? 'oneOf' : undefined;
  if (branchKey) {
    // oneOf is treated as anyOf: the caller drops a value that matches two branches.
    const { [branchKey]: branches, ...rest } = schema as JsonSchema & Record<string, unknown[]>;
    const start = mode === 'random' ? Math.floor(rng() * branches.length) : 0;
    for (let i = 0; i < branches.length; i++) {
      const merged = mergeSchemas(rest, branches[(start + i) % branches.length] as JsonSchema | boolean);
      const value = merged ? sample(merged, rng, mode, depth + 1) : NONE;
      if (value !== NONE) return value;
    }
    return NONE;
  }
  if (has(schema, 'const')) return clone(schema.const);
  if (Array.isArray(schema.enum)) return sampleEnum(schema, schema.enum, rng, mode);
  const types = typesOf(schema);
  if (types.length === 0) return NONE;
  const type = mode === 'random' ? pick(rng, types) : types[0];
  switch (type) {
    case 'object':
      return sampleObject(schema, rng, mode, depth, sample);
    case 'array':
      return sampleArray(schema, rng, mode, depth, sample);
    case 'string':
      return sampleString(schema, rng, mode);
    case 'number':
    case 'integer':
      return sampleNumber(schema, rng, mode, type === 'integer');
    case 'boolean':
      return mode === 'random' ? rng() < 0.5 : mode === 'full';
    case 'null':
      return null;
    default:
      return NONE;
  }
}

function sampleEnum(s: JsonSchema, members: unknown[], rng: Rng, mode: SampleMode): Sampled | typeof NONE {
  const types = has(s, 'type') ? typesOf(s) : undefined;
  const typed = types ? members.filter((v) => typeAllows(types, v)) : members;
  if (typed.length === 0) return NONE;
  return clone(mode === 'random' ? pick(rng, typed) : typed[0]);
}

/** Edge candidates for this node: values at and just beyond its bounds, of each allowed type. Need NOT be valid. */
export function edgeValues(schema: JsonSchema | boolean): unknown[] {
  return collectEdgeValues(schema, sample);
}
