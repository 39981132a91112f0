// Objects: the required fields, some or all optional ones, a key per simple pattern, and extra
// fields where the schema leaves it open, within minProperties / maxProperties.
import type { JsonSchema } from '../../schema/schemas';
import { compilePattern, safeRegExp } from './compilePattern';
import { pick, randomWord, type Rng } from './makeRng';
import { has, isObj, NONE, num, put, type SampleFn, type SampleMode, type Sampled } from './sampleTypes';

export function sampleObject(
  s: JsonSchema,
  rng: Rng,
  mode: SampleMode,
  depth: number,
  sample: SampleFn,
): Sampled | typeof NONE {
  const props = isObj(s.properties) ? s.properties : {};
  const required = Array.isArray(s.required)
    ? s.required.filter((k): k is string => typeof k === 'string')
    : [];
  const additional = s.additionalProperties;
  const closed = additional === false || (additional === undefined && s.unevaluatedProperties === false);
  const out: Record<string, unknown> = {};
  const valueFor = (key: string): Sampled | typeof NONE => {
    if (has(props, key)) return sample(props[key] as JsonSchema | boolean, rng, mode, depth + 1);
    for (const [pattern, sub] of Object.entries(isObj(s.patternProperties) ? s.patternProperties : {})) {
      if (safeRegExp(pattern)?.test(key)) return sample(sub as JsonSchema | boolean, rng, mode, depth + 1);
    }
    return isObj(additional)
      ? sample(additional, rng, mode, depth + 1)
      : mode === 'random'
        ? randomWord(rng, 4)
        : 'x';
  };
  for (const key of required) {
    const value = valueFor(key);
    if (value === NONE) return NONE;
    put(out, key, value);
  }
  const optional = Object.keys(props).filter((k) => !required.includes(k));
  const minProperties = num(s.minProperties) ?? 0;
  for (const key of optional) {
    const wanted = mode === 'full' || (mode === 'random' && rng() < 0.5);
    if (!wanted && Object.keys(out).length >= minProperties) continue;
    const value = valueFor(key);
    if (value !== NONE) put(out, key, value);
  }
  // A key made from each simple pattern (full: always; random: half the time), so patternProperties
  // values get exercised; a pattern the generator cannot read contributes nothing.
  for (const [pattern, sub] of Object.entries(isObj(s.patternProperties) ? s.patternProperties : {})) {
    if (mode === 'minimal' || (mode === 'random' && rng() < 0.5)) continue;
    const key = compilePattern(pattern, rng)?.();
    if (key === undefined || has(out, key) || has(props, key) || !safeRegExp(pattern)?.test(key)) continue;
    const value = sample(sub as JsonSchema | boolean, rng, mode, depth + 1);
    if (value !== NONE) put(out, key, value);
  }
  const addExtra = () => {
    let n = 0;
    while (has(out, `x_extra_${n}`)) n++;
    const value = isObj(additional) ? sample(additional, rng, mode, depth + 1) : randomScalar(rng);
    if (value !== NONE) put(out, `x_extra_${n}`, value);
  };
  for (
    let tries = 0;
    !closed && Object.keys(out).length < minProperties && tries < minProperties + 4;
    tries++
  ) {
    addExtra();
  }
  if (mode === 'random' && !closed && rng() < 0.2) addExtra();
  const maxProperties = num(s.maxProperties);
  for (const key of Object.keys(out).reverse()) {
    if (maxProperties === undefined || Object.keys(out).length <= maxProperties) break;
    if (!required.includes(key)) delete out[key];
  }
  return out;
}

/** An extra field's value where additionalProperties says nothing: any JSON scalar. */
function randomScalar(rng: Rng): unknown {
  return pick(rng, [
    () => randomWord(rng, 1 + Math.floor(rng() * 8)),
    () => Math.floor(rng() * 1000),
    () => rng() < 0.5,
    () => null,
  ])();
}
