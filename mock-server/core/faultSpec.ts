// Strict decoding of a POST /__mock/faults body: a typo fails loudly (400 naming the field) instead
// of arming nothing, as Prism does with a malformed Prefer header.

export const FAULT_KINDS = ['record-failure', 'server-error', 'rate-limit', 'latency', 'reset'] as const;
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
  /** server-error only: the status answered, 500-599 (default 500). */
  status?: number;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

const KEYS = ['kind', 'count', 'probability', 'seed', 'app_name', 'ms', 'status'];
const MAX_LATENCY_MS = 60_000;
/** Longest string field (app_name): a fault is a test's setting, not a place to store data. */
export const MAX_FAULT_STRING = 256;
export const DEFAULT_SERVER_ERROR_STATUS = 500;

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
    if (b.app_name.length > MAX_FAULT_STRING)
      return { ok: false, message: `app_name: at most ${MAX_FAULT_STRING} characters` };
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
  if (spec.kind === 'server-error') {
    const status = b.status ?? DEFAULT_SERVER_ERROR_STATUS;
    if (!isInt(status) || status < 500 || status > 599)
      return { ok: false, message: 'status: expected an integer from 500 to 599' };
    spec.status = status;
  } else if (b.status !== undefined) {
    return { ok: false, message: 'status: only allowed with kind "server-error"' };
  }
  return { ok: true, value: spec };
}
