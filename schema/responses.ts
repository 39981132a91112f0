// The table of documented responses, read from responses.schema.json: the one place the mock and
// the conformance suite take statuses and exact bodies from.
import { isDeepStrictEqual } from 'node:util';
import responsesSchema from './responses.schema.json';

/** Stable reason codes: code matches on these, never on message text. */
export const DOCUMENTED_REASONS = [
  'RECORDED',
  'RECORD_FAILED',
  'TOKEN_MISSING_OR_MALFORMED',
  'TOKEN_INVALID',
  'APP_NAME_MISMATCH',
  'VALIDATION',
  'DOMAIN_MISMATCH',
  'RATE_LIMITED',
] as const;

export type DocumentedReason = (typeof DOCUMENTED_REASONS)[number];

export interface DocumentedResponse {
  reason: DocumentedReason;
  status: number;
  /** The exact documented JSON body. */
  body: Readonly<Record<string, unknown>>;
  /** Name of the definition in responses.schema.json ($defs) and of the OpenAPI component. */
  definition: string;
  description: string;
}

interface ResponseDefinition {
  description: string;
  'x-status': number;
  'x-reason': string;
  examples: Record<string, unknown>[];
}

function isReason(value: string): value is DocumentedReason {
  return (DOCUMENTED_REASONS as readonly string[]).includes(value);
}

function buildTable(): readonly DocumentedResponse[] {
  const defs = responsesSchema.$defs as Record<string, ResponseDefinition>;
  return Object.freeze(
    Object.entries(defs).map(([definition, def]) => {
      const reason = def['x-reason'];
      if (!isReason(reason)) throw new Error(`responses.schema.json: unknown x-reason ${reason}`);
      return Object.freeze({
        reason,
        status: def['x-status'],
        body: Object.freeze({ ...def.examples[0] }),
        definition,
        description: def.description,
      });
    }),
  );
}

export const DOCUMENTED_RESPONSES: readonly DocumentedResponse[] = buildTable();

const byReason = new Map(DOCUMENTED_RESPONSES.map((r) => [r.reason, r]));

export function documentedResponse(reason: DocumentedReason): DocumentedResponse {
  const found = byReason.get(reason);
  if (!found) throw new Error(`no documented response for ${reason}`);
  return found;
}

/** Finds the documented response a status and body pair is, if any (used to classify answers). */
export function identifyResponse(status: number, body: unknown): DocumentedResponse | undefined {
  return DOCUMENTED_RESPONSES.find((r) => r.status === status && isDeepStrictEqual(r.body, body));
}
