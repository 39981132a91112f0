// Numbers and integers: a candidate per mode, then the bounds and their neighbours, snapped to
// multipleOf, until one satisfies every bound.
import type { JsonSchema } from '../../schema/schemas';
import { pick, type Rng } from './makeRng';
import { NONE, num, type SampleMode, type Sampled } from './sampleTypes';

export function sampleNumber(
  s: JsonSchema,
  rng: Rng,
  mode: SampleMode,
  integer: boolean,
): Sampled | typeof NONE {
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
