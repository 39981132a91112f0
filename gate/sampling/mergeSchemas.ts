// allOf and the branches of anyOf / oneOf are sampled as one schema made of all their parts.
import type { JsonSchema } from '../../schema/schemas';
import { has, isObj, put } from './sampleTypes';

const MIN_KEYS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const MAX_KEYS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];

/** Both schemas at once, as far as one schema can say it; false when they plainly exclude each other. */
export function mergeSchemas(a: JsonSchema, b: JsonSchema | boolean): JsonSchema | false {
  if (b === true) return a;
  if (b === false || !isObj(b)) return false;
  const out: JsonSchema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if ((key === 'properties' || key === 'patternProperties') && isObj(prev) && isObj(value)) {
      const merged: JsonSchema = { ...prev };
      for (const [k, v] of Object.entries(value)) put(merged, k, has(prev, k) ? { allOf: [prev[k], v] } : v);
      out[key] = merged;
    } else if (key === 'required' && Array.isArray(prev) && Array.isArray(value)) {
      out[key] = [...new Set([...prev, ...value])];
    } else if (key === 'type') {
      const mine = [prev].flat(),
        theirs = [value].flat();
      const both = mine.filter((t) => theirs.includes(t) || (t === 'integer' && theirs.includes('number')));
      if (mine.includes('number') && theirs.includes('integer') && !both.includes('integer'))
        both.push('integer');
      if (both.length === 0) return false;
      out[key] = both;
    } else if (key === 'enum' && Array.isArray(prev) && Array.isArray(value)) {
      const theirs = new Set(value.map((v) => JSON.stringify(v)));
      out[key] = prev.filter((v) => theirs.has(JSON.stringify(v)));
    } else if (MIN_KEYS.includes(key) && typeof prev === 'number' && typeof value === 'number') {
      out[key] = Math.max(prev, value);
    } else if (MAX_KEYS.includes(key) && typeof prev === 'number' && typeof value === 'number') {
      out[key] = Math.min(prev, value);
    } else if (key === 'allOf' && Array.isArray(prev) && Array.isArray(value)) out[key] = [...prev, ...value];
    else if (['additionalProperties', 'unevaluatedProperties', 'items', 'contains'].includes(key)) {
      out[key] = prev === false || value === false ? false : { allOf: [prev, value] };
    } else if (key === 'anyOf' || key === 'oneOf') {
      out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { [key]: value }];
    }
    // Anything else: the first part's value stands (best effort; the caller validates).
  }
  return out;
}
