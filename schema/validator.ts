// The request validator. The event schemas are compiled by ajv ahead of time (`npm run generate`
// writes schema/generated/validators.ts with ajv's standalone code; check:generated keeps it in
// step with the schemas), so using the validator loads no ajv and compiles nothing at start-up.
import type { ErrorObject } from 'ajv';
import { schemas } from './schemas';
import type { TgaEvent } from './generated/types';

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// A plain require: the generated module is ajv's standalone JavaScript, not typed source.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = require('./generated/validators') as {
  event: CompiledValidator;
  eventStrict: CompiledValidator;
  fingerprint: CompiledValidator;
};

/** One validator error, in ajv's own structure (keyword, instancePath, params), copied. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}

export type ValidationResult = { ok: true; events: TgaEvent[] } | { ok: false; errors: ValidationIssue[] };

export interface RequestValidator {
  /** Validates a parsed request body: one event or a non-empty array of events. */
  validate(body: unknown): ValidationResult;
  readonly strict: boolean;
}

/** At most this many issues are kept per body: an array of 10,000 bad events must not cost 10,000 copies. */
export const MAX_ISSUES = 50;

/** Copies ajv's errors (it overwrites them on the next call), their paths under `prefix`. */
function copyIssues(errors: ErrorObject[] | null | undefined, prefix = ''): ValidationIssue[] {
  return (errors ?? []).slice(0, MAX_ISSUES).map((e) => ({
    keyword: e.keyword,
    instancePath: prefix + e.instancePath,
    schemaPath: e.schemaPath,
    params: { ...e.params },
    message: e.message ?? e.keyword,
  }));
}

/**
 * The batch branch, one event at a time. ajv's compiled batch schema with allErrors collects every
 * error of every event: 100,000 empty objects (300 KB) took minutes. The batch schema is only "a
 * non-empty array whose every item is an event", so checking items one by one and stopping once
 * MAX_ISSUES are collected gives the same verdict in bounded time (schema/examples.test.ts checks
 * the verdicts against the request schema as written).
 */
function validateBatch(
  validateEvent: CompiledValidator,
  body: unknown[],
  requestId: string,
): ValidationResult {
  if (body.length === 0) {
    return {
      ok: false,
      errors: [
        {
          keyword: 'minItems',
          instancePath: '',
          schemaPath: `${requestId}#/$defs/EventBatch/minItems`,
          params: { limit: 1 },
          message: 'must NOT have fewer than 1 items',
        },
      ],
    };
  }
  const errors: ValidationIssue[] = [];
  for (let i = 0; i < body.length && errors.length < MAX_ISSUES; i++) {
    if (!validateEvent(body[i])) errors.push(...copyIssues(validateEvent.errors, `/${i}`));
  }
  return errors.length > 0
    ? { ok: false, errors: errors.slice(0, MAX_ISSUES) }
    : { ok: true, events: body as TgaEvent[] };
}

export function createRequestValidator(options: { strict?: boolean } = {}): RequestValidator {
  const strict = options.strict ?? false;
  const requestId = String(strict ? schemas.requestStrict.$id : schemas.request.$id);
  const validateEvent = strict ? compiled.eventStrict : compiled.event;
  return {
    strict,
    // The request schema is anyOf(event, batch); the two branches are exclusive by JSON type, so
    // validating the matching branch gives the same verdict with errors that point at the field
    // instead of both branches' complaints.
    validate(body) {
      if (Array.isArray(body)) return validateBatch(validateEvent, body, requestId);
      if (validateEvent(body)) return { ok: true, events: [body as TgaEvent] };
      return { ok: false, errors: copyIssues(validateEvent.errors) };
    },
  };
}

/**
 * POST /events/fingerprint's body (fingerprint.schema.json; not in the docs): one object, given
 * back as a one-item batch so the decision treats it like events (its app_name is checked at step 6).
 */
export function createFingerprintValidator(): RequestValidator {
  return {
    strict: false,
    validate(body) {
      if (compiled.fingerprint(body)) return { ok: true, events: [body as TgaEvent] };
      return { ok: false, errors: copyIssues(compiled.fingerprint.errors) };
    },
  };
}
