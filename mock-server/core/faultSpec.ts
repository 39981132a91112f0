// Strict decoding of a POST /__mock/faults body: a typo fails loudly (400 naming the field) instead
// of arming nothing, as Prism does with a malformed Prefer header.

export const FAULT_KINDS = ['record-failure', 'rate-limit', 'latency', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** Firings left; default 1. Without count, a fault with a probability stays armed until deleted. */
  count?: number;
  /** Chance in [0, 1] that the fault fires on each request reaching its step. */
  probability?: number;
  /** Seed of the fault's own PRNG, so which requests it hits is reproducible. */
  seed?: number;
  /** Only requests whose token names this app. */
  app_name?: string;
  /** latency only: delay in milliseconds. */
  ms?: number;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

const KEYS = ['kind', 'count', 'probability', 'seed', 'app_name', 'ms'];
const MAX_LATENCY_MS = 60_000;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export function decodeFaultSpec(body: unknown): Decoded<FaultSpec> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, message: 'body: expected a JSON object' };
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).find((k) => !KEYS.includes(k));
  if (unknown !== undefined)
    return { ok: false, message: `${unknown}: unknown field (allowed: ${KEYS.join(', ')})` };
  if (!FAULT_KINDS.includes(b.kind as FaultKind))
    return { ok: false, message: `kind: expected one of ${FAULT_KINDS.join(', ')}` };
  const spec: FaultSpec = { kind: b.kind as FaultKind };
  if (b.count !== undefined) {
    if (!isInt(b.count) || b.count < 1) return { ok: false, message: 'count: expected an integer >= 1' };
    spec.count = b.count;
  }
  if (b.probability !== undefined) {
    const p = b.probability;
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      return { ok: false, message: 'probability: expected a number from 0 to 1' };
    spec.probability = p;
  }
  if (b.seed !== undefined) {
    if (!isInt(b.seed)) return { ok: false, message: 'seed: expected an integer' };
    if (spec.probability === undefined)
      return { ok: false, message: 'seed: only meaningful with probability' };
    spec.seed = b.seed;
  }
  if (b.app_name !== undefined) {
    if (typeof b.app_name !== 'string' || b.app_name === '')
      return { ok: false, message: 'app_name: expected a non-empty string' };
    spec.app_name = b.app_name;
  }
  if (spec.kind === 'latency') {
    if (!isInt(b.ms) || b.ms < 0 || b.ms > MAX_LATENCY_MS)
      return {
        ok: false,
        message: `ms: expected an integer from 0 to ${MAX_LATENCY_MS} (required for latency)`,
      };
    spec.ms = b.ms;
  } else if (b.ms !== undefined) {
    return { ok: false, message: 'ms: only allowed with kind "latency"' };
  }
  return { ok: true, value: spec };
}
