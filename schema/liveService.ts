// Where the live service was publicly reported to answer differently from its docs page, read from
// observations.json (its shape: observations.schema.json). The mock's `--answers live`, the upstream
// check of `--upstream` and docs/live-service.md read it; so can a conformance suite. Each entry is
// what the docs say, what was observed, what of the observed answer is inferred, and the sources.
import { isDeepStrictEqual } from 'node:util';
import data from './observations.json';
import { DOCUMENTED_REASONS, DOCUMENTED_RESPONSES, type DocumentedReason } from './responses';

export const OBSERVATION_IDS = ['SUCCESS_202', 'VALIDATION_REPORT', 'CORS_ANY_ORIGIN'] as const;
export type ObservationId = (typeof OBSERVATION_IDS)[number];

/** An answer, or the part of one an entry is about; `says` puts it in words. */
export interface ObservedPart {
  says: string;
  status?: number;
  body?: Readonly<Record<string, unknown>>;
  headers?: Readonly<Record<string, string>>;
}

export interface ObservationSource {
  url: string;
  /** When it was reported, YYYY-MM-DD. */
  date: string;
  says: string;
}

export interface Observation {
  id: ObservationId;
  /** The route the answer is of, e.g. `POST /events`. */
  route: string;
  /** The documented answer it differs from, when there is one. */
  reason?: DocumentedReason;
  title: string;
  docs: ObservedPart;
  observed: ObservedPart;
  /** The parts of `observed.body` (JSON Pointers) that are inferred, not seen, and why. */
  inferred: readonly { pointer: string; why: string }[];
  sources: readonly ObservationSource[];
}

const isId = (v: string): v is ObservationId => (OBSERVATION_IDS as readonly string[]).includes(v);
const isReason = (v: string): v is DocumentedReason => (DOCUMENTED_REASONS as readonly string[]).includes(v);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function buildList(): readonly Observation[] {
  const seen = new Set<string>();
  return deepFreeze(
    data.observations.map((o): Observation => {
      // The ids are code's handle on the entries: a new entry names its id in OBSERVATION_IDS too.
      if (!isId(o.id) || seen.has(o.id)) throw new Error(`observations.json: unknown or repeated id ${o.id}`);
      seen.add(o.id);
      const reason = 'reason' in o ? o.reason : undefined;
      if (reason !== undefined && !isReason(reason))
        throw new Error(`observations.json: ${o.id}: unknown reason ${reason}`);
      return { ...o, id: o.id, reason };
    }),
  );
}

export const OBSERVATIONS: readonly Observation[] = buildList();

export function observation(id: ObservationId): Observation {
  const found = OBSERVATIONS.find((o) => o.id === id);
  if (!found) throw new Error(`observations.json has no ${id}`);
  return found;
}

const DOCUMENTED_MESSAGES = new Set(
  DOCUMENTED_RESPONSES.map((r) => r.body.message).filter((m) => typeof m === 'string'),
);

/**
 * A 400 body that reports a validation mismatch the way the live service was seen to: a JSON object
 * whose `message` is a non-empty string, or a non-empty list of non-empty strings, that is not
 * another documented answer's message (nor the docs' placeholder itself, which is the documented
 * answer, not an observed one).
 */
export function isValidationReport(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const message = (body as Record<string, unknown>).message;
  if (typeof message === 'string') return message !== '' && !DOCUMENTED_MESSAGES.has(message);
  return (
    Array.isArray(message) &&
    message.length > 0 &&
    message.every((m) => typeof m === 'string' && m !== '' && !DOCUMENTED_MESSAGES.has(m))
  );
}

/**
 * The observation a status and body of POST /events are, if any: the observed answer exactly, or —
 * for the validation report, whose sentences depend on the request — a 400 that is a report.
 */
export function identifyObserved(status: number, body: unknown): Observation | undefined {
  return OBSERVATIONS.find((o) => {
    if (o.observed.status === undefined || o.observed.status !== status) return false;
    if (o.id === 'VALIDATION_REPORT') return isValidationReport(body);
    return o.observed.body !== undefined && isDeepStrictEqual(o.observed.body, body);
  });
}
