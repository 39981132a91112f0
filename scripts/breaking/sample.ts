// The seeded value generator behind the gate's counterexample search: values meant to satisfy one
// version of a schema (sample) and values at the lines it draws (edgeValues), to be checked against
// the other version. Best effort by design: every caller validates what it gets with ajv, so a
// keyword honoured loosely costs a discarded sample, never a false finding. No fast-check: a
// counterexample in a CI report must be reproducible from its seed alone.
import type { JsonSchema } from '../../schema/schemas';

export type Rng = () => number;
export type SampleMode = 'minimal' | 'full' | 'random';
export const NONE: unique symbol = Symbol('NONE');
type Sampled = unknown;

// Resolved schemas are finite trees, but a resolver may inline a recursive $ref as a cycle.
const DEPTH_LIMIT = 8;
const SCALARS = ['string', 'number', 'integer', 'boolean', 'null'];

/** mulberry32: 32 bits of state, good enough spread for test data, identical on every platform. */
export function makeRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isObj = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.min(items.length - 1, Math.floor(rng() * items.length))];
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const ZERO: Rng = () => 0;

// Sets even "__proto__" as an own data property, as JSON.parse would.
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const MIN_KEYS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const MAX_KEYS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];

/** Both schemas at once, as far as one schema can say it; false when they plainly exclude each other. */
function mergeSchemas(a: JsonSchema, b: JsonSchema | boolean): JsonSchema | false {
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

/** The JSON types a schema allows, inferred from its keywords when `type` is absent. */
function typesOf(s: JsonSchema): string[] {
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
      return sampleObject(schema, rng, mode, depth);
    case 'array':
      return sampleArray(schema, rng, mode, depth);
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
  const jsonType = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  const typed = types
    ? members.filter(
        (v) => types.includes(jsonType(v)) || (jsonType(v) === 'integer' && types.includes('number')),
      )
    : members;
  if (typed.length === 0) return NONE;
  return clone(mode === 'random' ? pick(rng, typed) : typed[0]);
}

function randomScalar(rng: Rng): unknown {
  return pick(rng, [
    () => randomWord(rng, 1 + Math.floor(rng() * 8)),
    () => Math.floor(rng() * 1000),
    () => rng() < 0.5,
    () => null,
  ])();
}

function sampleObject(s: JsonSchema, rng: Rng, mode: SampleMode, depth: number): Sampled | typeof NONE {
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

function sampleArray(s: JsonSchema, rng: Rng, mode: SampleMode, depth: number): Sampled | typeof NONE {
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

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.éü';
function randomWord(rng: Rng, length: number): string {
  let word = '';
  for (let i = 0; i < length; i++) word += pick(rng, [...ALPHABET]);
  return word;
}

function sampleString(s: JsonSchema, rng: Rng, mode: SampleMode): Sampled | typeof NONE {
  const min = num(s.minLength) ?? 0;
  const max = num(s.maxLength) ?? Infinity;
  const fits = (v: string) => [...v].length >= min && [...v].length <= max;
  if (typeof s.pattern === 'string') return samplePattern(s, s.pattern, rng, mode, fits);
  const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
  // A format value outside the length bounds is still returned: ajv needs both, the caller filters.
  if (format) return format(mode === 'minimal' ? ZERO : rng);
  if (min > max) return NONE;
  if (mode === 'minimal') return 'a'.repeat(min);
  if (mode === 'full')
    return 'abcdefgh'.repeat(Math.ceil(Math.max(8, min) / 8)).slice(0, Math.min(Math.max(8, min), max));
  return randomWord(rng, Math.min(min + Math.floor(rng() * 12), max));
}

function samplePattern(
  s: JsonSchema,
  pattern: string,
  rng: Rng,
  mode: SampleMode,
  fits: (v: string) => boolean,
): Sampled | typeof NONE {
  const regexp = safeRegExp(pattern);
  if (!regexp) return NONE;
  const examples = [...(Array.isArray(s.examples) ? s.examples : []), s.default].filter(
    (v): v is string => typeof v === 'string',
  );
  const generated: string[] = [];
  const generator = compilePattern(pattern, mode === 'minimal' ? ZERO : rng);
  for (let i = 0; generator && i < (mode === 'minimal' ? 1 : 5); i++) generated.push(generator());
  const fallbacks = ['', 'a', 'abc', 'A', 'ABC', '0', '1', '123', '12345', 'abc123', 'a_b', 'a-b', 'a.b'];
  const candidates = mode === 'random' ? [...generated, ...examples] : [...examples, ...generated];
  const found = [...candidates, ...fallbacks].find((v) => regexp.test(v) && fits(v));
  return found ?? NONE;
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => pick(rng, [...'0123456789abcdef'])).join('');
const pad = (v: number, n = 2) => String(v).padStart(n, '0');
const date = (rng: Rng) =>
  `${2000 + Math.floor(rng() * 30)}-${pad(1 + Math.floor(rng() * 12))}-${pad(1 + Math.floor(rng() * 28))}`;
const time = (rng: Rng) =>
  `${pad(Math.floor(rng() * 24))}:${pad(Math.floor(rng() * 60))}:${pad(Math.floor(rng() * 60))}${rng() < 0.5 ? '.123' : ''}Z`;
const label = (rng: Rng) => pick(rng, ['example', 'tga', 'mini-app', 'host1']);

/** A valid value per format (ajv-formats' full mode); a ZERO rng gives the canonical one. */
const FORMATS: Record<string, (rng: Rng) => string> = {
  uuid: (rng) =>
    `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${pick(rng, [...'89ab'])}${hex(rng, 3)}-${hex(rng, 12)}`,
  'date-time': (rng) => `${date(rng)}T${time(rng)}`,
  date,
  time,
  email: (rng) => `${label(rng)}@${label(rng)}.com`,
  'idn-email': (rng) => `${label(rng)}@${label(rng)}.com`,
  uri: (rng) => `https://${label(rng)}.com/${label(rng)}`,
  url: (rng) => `https://${label(rng)}.com/${label(rng)}`,
  iri: (rng) => `https://${label(rng)}.com/${label(rng)}`,
  'uri-reference': (rng) => pick(rng, ['/', 'https://example.com/a', '../a?b=1#c']),
  'iri-reference': (rng) => pick(rng, ['/', 'https://example.com/a']),
  'uri-template': () => 'https://example.com/{id}',
  hostname: (rng) => `${label(rng)}.com`,
  'idn-hostname': (rng) => `${label(rng)}.com`,
  ipv4: (rng) => Array.from({ length: 4 }, () => Math.floor(rng() * 256)).join('.'),
  ipv6: (rng) => `2001:db8::${hex(rng, 4).replace(/^0+(?=.)/, '')}`,
  duration: (rng) => `P${1 + Math.floor(rng() * 30)}D`,
  'json-pointer': (rng) => `/${label(rng)}/0`,
  'relative-json-pointer': () => '0/a',
  regex: () => '^a+$',
  byte: () => 'aGVsbG8=',
  password: (rng) => randomWord(rng, 8),
  binary: () => 'x',
};

/**
 * A generator for the simple regular expressions schemas use (literals, classes, \d \w \s, groups,
 * alternation, quantifiers); undefined for anything else (lookaround, backreferences).
 */
function compilePattern(source: string, rng: Rng): (() => string) | undefined {
  type Gen = () => string;
  let i = 0;
  const bail = (): never => {
    throw new RangeError(source);
  };
  const range = (lo: string, hi: string): Gen => {
    const a = lo.codePointAt(0) ?? 97;
    const b = hi.codePointAt(0) ?? a;
    return () => String.fromCodePoint(a + Math.floor(rng() * (b - a + 1)));
  };
  const classEscape = (c: string): Gen[] => {
    if (c === 'd') return [range('0', '9')];
    if (c === 'w') return [range('a', 'z'), range('A', 'Z'), range('0', '9'), () => '_'];
    if (c === 's') return [() => ' '];
    if ('DWS'.includes(c)) return [() => (c === 'D' ? 'a' : c === 'W' ? '-' : 'a')];
    if (c === 'n' || c === 't') return [() => (c === 'n' ? '\n' : '\t')];
    if (/[bBkpPcux0-9]/.test(c)) bail();
    return [() => c];
  };
  const charClass = (): Gen => {
    const negated = source[i] === '^';
    if (negated) i++;
    const options: Gen[] = [];
    const chars: string[] = [];
    while (i < source.length && source[i] !== ']') {
      const c = source[i++];
      if (c === '\\') {
        options.push(...classEscape(source[i++] ?? bail()));
        continue;
      }
      if (source[i] === '-' && source[i + 1] !== undefined && source[i + 1] !== ']') {
        const hi = source[i + 1] === '\\' ? bail() : source[i + 1];
        i += 2;
        options.push(range(c, hi));
        continue;
      }
      chars.push(c);
      options.push(() => c);
    }
    if (source[i++] !== ']') bail();
    if (!negated) return options.length ? () => pick(rng, options)() : bail();
    const outside = [...'aA0_- .'].filter((c) => !chars.includes(c));
    return outside.length ? () => pick(rng, outside) : bail();
  };
  const atom = (): Gen => {
    const c = source[i++];
    if (c === '^' || c === '$') return () => '';
    if (c === '(') {
      if (source.startsWith('?:', i)) i += 2;
      else if (source[i] === '?') bail();
      const inner = alternation();
      return source[i++] === ')' ? inner : bail();
    }
    if (c === '[') return charClass();
    if (c === '.') return () => pick(rng, [...'ab1_']);
    if (c === '\\') {
      const options = classEscape(source[i++] ?? bail());
      return () => pick(rng, options)();
    }
    return '*+?{}])|'.includes(c) ? bail() : () => c;
  };
  const quantified = (gen: Gen, isAnchor: boolean): Gen => {
    const q = /^(?:\?|\*|\+|\{(\d+)(,(\d*))?\})/.exec(source.slice(i));
    if (!q) return gen;
    if (isAnchor) bail();
    i += q[0].length;
    if (source[i] === '?') i++;
    const lo = q[0] === '+' ? 1 : q[1] !== undefined ? Number(q[1]) : 0;
    const hi =
      q[0] === '?'
        ? 1
        : q[1] === undefined
          ? lo + 3
          : q[2] === undefined
            ? lo
            : q[3]
              ? Math.min(Number(q[3]), lo + 3)
              : lo + 3;
    return () => {
      const count = lo + Math.floor(rng() * (hi - lo + 1));
      return Array.from({ length: count }, gen).join('');
    };
  };
  const sequence = (): Gen => {
    const parts: Gen[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const isAnchor = source[i] === '^' || source[i] === '$';
      parts.push(quantified(atom(), isAnchor));
    }
    return () => parts.map((p) => p()).join('');
  };
  const alternation = (): Gen => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0] : () => pick(rng, options)();
  };
  try {
    const gen = alternation();
    return i === source.length ? gen : undefined;
  } catch {
    return undefined;
  }
}

function sampleNumber(s: JsonSchema, rng: Rng, mode: SampleMode, integer: boolean): Sampled | typeof NONE {
  const [minimum, maximum] = [num(s.minimum), num(s.maximum)];
  const [exMin, exMax] = [num(s.exclusiveMinimum), num(s.exclusiveMaximum)];
  const step =
    num(s.multipleOf) !== undefined && (s.multipleOf as number) > 0 ? (s.multipleOf as number) : undefined;
  // ajv-formats checks int32/int64 as ranges of integers; the float formats accept any number.
  const width = s.format === 'int32' ? 2 ** 31 : s.format === 'int64' ? 2 ** 53 : undefined;
  const whole = integer || width !== undefined;
  const lo = Math.max(minimum ?? -Infinity, exMin ?? -Infinity, width === undefined ? -Infinity : 1 - width);
  const hi = Math.min(maximum ?? Infinity, exMax ?? Infinity, width === undefined ? Infinity : width - 1);
  // The same test ajv makes (data / multipleOf must be an integer), so float steps like 0.1 come out right.
  const ok = (v: number) =>
    Number.isFinite(v) &&
    (!whole || Number.isInteger(v)) &&
    v >= lo &&
    v <= hi &&
    (minimum === undefined || v >= minimum) &&
    (maximum === undefined || v <= maximum) &&
    (exMin === undefined || v > exMin) &&
    (exMax === undefined || v < exMax) &&
    (step === undefined || (Math.abs(v / step) < 1e15 && Number.isInteger(v / step)));
  const raw: number[] = [];
  if (mode === 'minimal') raw.push(0);
  else if (mode === 'full') raw.push(1);
  else {
    const options = [
      () => Math.floor(rng() * 201) - 100,
      () => 2 ** 32 + Math.floor(rng() * 2 ** 40),
      () => (integer ? Math.floor(rng() * 1e6) : Math.round((rng() * 200 - 100) * 100) / 100),
      () => (Number.isFinite(lo) && Number.isFinite(hi) ? lo + rng() * (hi - lo) : rng() * 1000),
      () => (Number.isFinite(lo) ? lo : hi),
      () => (Number.isFinite(hi) ? hi : lo),
      () => 0,
    ];
    raw.push(pick(rng, options)());
  }
  const finite = [lo, hi].filter(Number.isFinite);
  raw.push(
    ...finite,
    ...finite.map((b) => b + 1),
    ...finite.map((b) => b - 1),
    finite.length === 2 ? (lo + hi) / 2 : 0,
    0,
    1,
  );
  for (const r of raw) {
    const clamped = Math.min(Math.max(r, lo), hi);
    const near = [r, clamped, Math.ceil(clamped), Math.floor(clamped)];
    const candidates = step
      ? near
          .flatMap((v) => [0, 1, -1, 2, -2].map((d) => (Math.round(v / step) + d) * step))
          .flatMap((v) => [v, Number(v.toPrecision(12))])
      : near;
    const found = candidates.find(ok);
    if (found !== undefined) return found === 0 ? 0 : found; // never -0: JSON has no such number
  }
  return NONE;
}

/** Edge candidates for this node: values at and just beyond its bounds, of each allowed type. Need NOT be valid. */
export function edgeValues(schema: JsonSchema | boolean): unknown[] {
  const out: unknown[] = [];
  collectEdges(schema, out, 0);
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

function collectEdges(schema: JsonSchema | boolean, out: unknown[], depth: number): void {
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
      for (const b of branches) collectEdges(b as JsonSchema | boolean, out, depth + 1);
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
