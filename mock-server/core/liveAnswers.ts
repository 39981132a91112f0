// --answers live: POST /events answered as the live service was observed to answer
// (schema/observations.json) rather than as its docs page reads literally — a recorded batch 202,
// a body that does not validate a report of constraint failures, and every SDK route's answer
// Access-Control-Allow-Origin: * (core/frame.ts). Every other answer, and every rule, is the same.
//
// The report's sentences follow the one observed ("property events[0].app_name has failed the
// following constraints: app_name should not be null or undefined, app_name must be a string"),
// which is class-validator's format and default messages: the other constraints' sentences are
// class-validator's defaults for the same rule, an inference (docs/live-service.md says which).
import { observation } from '../../schema/liveService';
import { schemas } from '../../schema/schemas';
import { unescapeSegment } from '../../schema/json/jsonPointer';
import type { PreparedAnswer } from './exchange';
import type { Violation } from './violations';

const SUCCESS = observation('SUCCESS_202').observed;
const REPORT = observation('VALIDATION_REPORT').observed;

/** Access-Control-Allow-Origin of every live answer of the SDK's routes. */
export const LIVE_ALLOW_ORIGIN =
  observation('CORS_ANY_ORIGIN').observed.headers!['Access-Control-Allow-Origin'];

// The event's own fields and their JSON types, for the type sentence that follows a missing one.
const FIELD_TYPES = new Map(
  Object.entries(schemas.event.properties as Record<string, { type?: unknown }>).map(([k, p]) => [k, p.type]),
);

// Body-level problems (not JSON, not UTF-8, too deep…) name no property: the sentence is ours.
const BODY_KEYWORDS = new Set([
  'json',
  'charset',
  'contentType',
  'contentEncoding',
  'maxDepth',
  'notDecoded',
]);

// class-validator's default messages for the type checks (IsString, IsNumber, IsInt, …).
const TYPE_WORDS: Record<string, string> = {
  string: 'must be a string',
  number: 'must be a number conforming to the specified constraints',
  integer: 'must be an integer number',
  boolean: 'must be a boolean value',
  object: 'must be an object',
  array: 'must be an array',
};

function typeSentence(name: string, type: unknown): string | undefined {
  const first = (Array.isArray(type) ? type : String(type ?? '').split(',')).find((t) => t !== 'null');
  const words = typeof first === 'string' ? TYPE_WORDS[first] : undefined;
  return words === undefined ? undefined : `${name} ${words}`;
}

/** The class-validator path of an ajv instancePath: `events[0].app_name`; one event is `events[0]`. */
function pathOf(instancePath: string, batch: boolean): string[] {
  const segments = instancePath.split('/').slice(1).map(unescapeSegment);
  return batch ? ['events', ...segments] : ['events', '0', ...segments];
}

const joinPath = (segments: readonly string[]) =>
  segments.map((s, i) => (i === 0 ? s : /^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');

const nameOf = (segments: readonly string[]) =>
  [...segments].reverse().find((s) => !/^\d+$/.test(s)) ?? 'events';

/** One violation as [the property's path, its constraint sentences]. */
function constraint(v: Violation, batch: boolean): [string[], string[]] {
  const p = v.params ?? {};
  const segments = pathOf(v.instancePath, batch);
  if (v.keyword === 'required' && typeof p.missingProperty === 'string') {
    const path = [...segments, p.missingProperty];
    const name = p.missingProperty;
    const type = path.length === 3 ? typeSentence(name, FIELD_TYPES.get(name)) : undefined;
    return [path, [`${name} should not be null or undefined`, ...(type ? [type] : [])]];
  }
  if (v.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string')
    return [[...segments, p.additionalProperty], [`property ${p.additionalProperty} should not exist`]];
  const name = nameOf(segments);
  const words: Record<string, string | undefined> = {
    type: typeSentence(name, p.type),
    format: p.format === 'uuid' ? `${name} must be a UUID` : `${name} must be a valid ${String(p.format)}`,
    enum: `${name} must be one of the following values: ${Array.isArray(p.allowedValues) ? p.allowedValues.join(', ') : ''}`,
    const: `${name} must be equal to ${String(p.allowedValue)}`,
    pattern: `${name} must match ${String(p.pattern)} regular expression`,
    minLength: `${name} must be longer than or equal to ${String(p.limit)} characters`,
    maxLength: `${name} must be shorter than or equal to ${String(p.limit)} characters`,
    minimum: `${name} must not be less than ${String(p.limit)}`,
    maximum: `${name} must not be greater than ${String(p.limit)}`,
    minItems: `${name} must contain at least ${String(p.limit)} elements`,
    maxItems: `${name} must contain no more than ${String(p.limit)} elements`,
  };
  return [segments, [words[v.keyword] ?? `${name} ${v.message}`]];
}

/**
 * The live style's list of sentences for a body's violations: one per property, in the order the
 * violations name them, "property PATH has failed the following constraints: A, B".
 */
export function reportSentences(violations: readonly Violation[], batch: boolean): string[] {
  const byPath = new Map<string, string[]>();
  const loose: string[] = [];
  for (const v of violations) {
    if (BODY_KEYWORDS.has(v.keyword)) {
      loose.push(v.message);
      continue;
    }
    const [segments, sentences] = constraint(v, batch);
    const key = joinPath(segments);
    const list = byPath.get(key) ?? [];
    for (const s of sentences) if (!list.includes(s)) list.push(s);
    byPath.set(key, list);
  }
  return [
    ...loose,
    ...[...byPath].map(
      ([path, list]) => `property ${path} has failed the following constraints: ${list.join(', ')}`,
    ),
  ];
}

/** The validation answer's body in the live style: the observed body's shape, these sentences. */
export function liveReport(violations: readonly Violation[], batch: boolean): Record<string, unknown> {
  return { ...REPORT.body, message: reportSentences(violations, batch) };
}

/**
 * A POST /events answer as the live service gives it: RECORDED is 202 with the documented body,
 * VALIDATION the report; any other answer is unchanged. `batch`: the body was an array.
 */
export function liveAnswer(prepared: PreparedAnswer, batch: boolean): PreparedAnswer {
  const { decision } = prepared;
  if (decision.reason === 'RECORDED')
    return { ...prepared, decision: { ...decision, status: SUCCESS.status!, body: SUCCESS.body! } };
  if (decision.reason === 'VALIDATION' && decision.violations)
    return {
      ...prepared,
      decision: { ...decision, status: REPORT.status!, body: liveReport(decision.violations, batch) },
    };
  return prepared;
}
