// What every part of the sampler shares: the modes, the "no value" marker, the signature of the
// sampler itself (handed down to the parts that recurse, so they need not import it back), and the
// small readers of JSON they all use.
import type { JsonSchema } from '../../schema/schemas';
import type { Rng } from './makeRng';

export type SampleMode = 'minimal' | 'full' | 'random';
export const NONE: unique symbol = Symbol('NONE');
export type Sampled = unknown;
export type SampleFn = (
  schema: JsonSchema | boolean,
  rng: Rng,
  mode: SampleMode,
  depth?: number,
) => Sampled | typeof NONE;

const SCALARS = ['string', 'number', 'integer', 'boolean', 'null'];

export const isObj = (v: unknown): v is JsonSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
export const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

// Sets even "__proto__" as an own data property, as JSON.parse would.
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The JSON types a schema allows, inferred from its keywords when `type` is absent. */
export function typesOf(s: JsonSchema): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  const any = (keys: string[]) => keys.some((k) => has(s, k));
  if (any(['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties'])) {
    return ['object'];
  }
  if (any(['items', 'prefixItems', 'minItems', 'maxItems', 'contains', 'uniqueItems'])) return ['array'];
  if (any(['minLength', 'maxLength', 'pattern', 'format'])) return ['string'];
  if (any(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'])) return ['number'];
  return SCALARS;
}
