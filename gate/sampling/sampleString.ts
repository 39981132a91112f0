// Strings: a value per format, a match for a pattern, or plain letters within the length bounds.
import type { JsonSchema } from '../../schema/schemas';
import { compilePattern, safeRegExp } from './compilePattern';
import { pick, randomWord, ZERO, type Rng } from './makeRng';
import { NONE, num, type SampleMode, type Sampled } from './sampleTypes';

export function sampleString(s: JsonSchema, rng: Rng, mode: SampleMode): Sampled | typeof NONE {
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

const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => pick(rng, [...'0123456789abcdef'])).join('');
const pad = (v: number, n = 2) => String(v).padStart(n, '0');
const date = (rng: Rng) =>
  `${2000 + Math.floor(rng() * 30)}-${pad(1 + Math.floor(rng() * 12))}-${pad(1 + Math.floor(rng() * 28))}`;
const time = (rng: Rng) =>
  `${pad(Math.floor(rng() * 24))}:${pad(Math.floor(rng() * 60))}:${pad(Math.floor(rng() * 60))}${rng() < 0.5 ? '.123' : ''}Z`;
const label = (rng: Rng) => pick(rng, ['example', 'tga', 'mini-app', 'host1']);

/** A valid value per format (ajv-formats' full mode); a ZERO rng gives the canonical one. */
export const FORMATS: Record<string, (rng: Rng) => string> = {
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
