// Arrays: the prefix, then items up to a length the mode picks within the bounds, with the elements
// `contains` needs and no repeats under uniqueItems.
import type { JsonSchema } from '../../schema/schemas';
import type { Rng } from './makeRng';
import { NONE, num, type SampleFn, type SampleMode, type Sampled } from './sampleTypes';

export function sampleArray(
  s: JsonSchema,
  rng: Rng,
  mode: SampleMode,
  depth: number,
  sample: SampleFn,
): Sampled | typeof NONE {
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as (JsonSchema | boolean)[]) : [];
  const items = (s.items ?? true) as JsonSchema | boolean;
  const min = num(s.minItems) ?? 0;
  const max = Math.min(num(s.maxItems) ?? Infinity, items === false ? prefix.length : Infinity);
  const hasContains = s.contains !== undefined;
  const needed = hasContains ? (num(s.minContains) ?? 1) : 0;
  const wanted =
    mode === 'minimal'
      ? min
      : mode === 'full'
        ? prefix.length + (items === false ? 0 : 1)
        : min + Math.floor(rng() * 4);
  const length = Math.min(Math.max(wanted, min, needed), max);
  if (length < min || length < needed) return NONE;
  // The elements that must match `contains` go right after the prefix (or at its end if it fills the array).
  const containsFrom = Math.max(0, Math.min(prefix.length, length - needed));
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < length; i++) {
    const base = i < prefix.length ? prefix[i] : items;
    const inContains = i >= containsFrom && i < containsFrom + needed;
    const schema: JsonSchema | boolean = inContains ? { allOf: [base, s.contains] } : base;
    let value: Sampled | typeof NONE = NONE;
    // A repeat under uniqueItems is redrawn at random; still a repeat after 20 draws, the array stops there.
    for (let attempt = 0; attempt < (s.uniqueItems === true ? 20 : 1); attempt++) {
      value = sample(schema, rng, attempt === 0 ? mode : 'random', depth + 1);
      if (value === NONE || s.uniqueItems !== true || !seen.has(JSON.stringify(value))) break;
    }
    const repeated = s.uniqueItems === true && seen.has(JSON.stringify(value));
    if (value === NONE || (repeated && i >= min)) {
      if (i >= Math.max(min, containsFrom + needed)) break;
      return NONE;
    }
    seen.add(JSON.stringify(value));
    out.push(value);
  }
  return out;
}
