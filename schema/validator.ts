// One compiled validator per mode, built once at start-up (ajv compiles to code; compiling per
// request would dominate the cost of a request).
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { schemas } from './schemas';
import type { TgaEvent } from './generated/types';

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

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true });
  addFormats(ajv, ['uuid', 'uri', 'date-time']);
  // Our annotation keywords on documented responses; OpenAPI keeps them as extensions.
  ajv.addVocabulary(['x-status', 'x-reason']);
  ajv.addSchema([
    schemas.eventNames,
    schemas.event,
    schemas.eventStrict,
    schemas.request,
    schemas.requestStrict,
    schemas.responses,
    schemas.threshold,
  ]);
  return ajv;
}

function copyIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).slice(0, MAX_ISSUES).map((e) => ({
    keyword: e.keyword,
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    params: { ...e.params },
    message: e.message ?? e.keyword,
  }));
}

function mustGet(ajv: Ajv2020, ref: string): ValidateFunction {
  const fn = ajv.getSchema(ref);
  if (!fn) throw new Error(`schema not found: ${ref}`);
  return fn;
}

let shared: Ajv2020 | undefined;

export function createRequestValidator(options: { strict?: boolean } = {}): RequestValidator {
  const strict = options.strict ?? false;
  shared ??= createAjv();
  const requestId = String(strict ? schemas.requestStrict.$id : schemas.request.$id);
  const eventId = String(strict ? schemas.eventStrict.$id : schemas.event.$id);
  const validateEvent = mustGet(shared, eventId);
  const validateBatch = mustGet(shared, `${requestId}#/$defs/EventBatch`);
  return {
    strict,
    // The request schema is anyOf(event, batch); the two branches are exclusive by JSON type, so
    // validating the matching branch gives the same verdict with errors that point at the field
    // instead of both branches' complaints.
    validate(body) {
      const isBatch = Array.isArray(body);
      const fn = isBatch ? validateBatch : validateEvent;
      if (fn(body)) return { ok: true, events: (isBatch ? body : [body]) as TgaEvent[] };
      return { ok: false, errors: copyIssues(fn.errors) };
    },
  };
}
