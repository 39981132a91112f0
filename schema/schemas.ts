// The canonical schemas, loaded once, plus the strict variants derived from them.
// The strict variants are computed here (one function) and also written to schema/generated/
// by `npm run generate`, so the published files and the runtime can never disagree.
import eventNamesSchema from './event-names.schema.json';
import eventSchema from './event.schema.json';
import requestSchema from './request.schema.json';
import responsesSchema from './responses.schema.json';
import thresholdSchema from './threshold.schema.json';
import fingerprintSchema from './fingerprint.schema.json';
import type { TgaEventName } from './generated/types';

export type JsonSchema = { [key: string]: unknown };

const STRICT_SUFFIX = '.strict.schema.json';
export const GENERATED_NOTICE = 'Generated (do not edit) by scripts/generate.ts';

function strictId(id: string): string {
  return id.replace(/\.schema\.json$/, STRICT_SUFFIX);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The strict event schema: the same properties, unknown top-level fields rejected. */
export function toStrictEventSchema(source: JsonSchema): JsonSchema {
  // The source's $comment explains why unknown fields are accepted; it does not hold here.
  const { $schema, $id, title, description, $comment: _accepting, ...rest } = clone(source);
  return {
    $comment: `${GENERATED_NOTICE} from event.schema.json.`,
    $schema,
    $id: strictId(String($id)),
    title: `${String(title)}Strict`,
    description: `${String(description)} Strict variant: unknown top-level fields are rejected, so a typo in a field name fails instead of being stored silently.`,
    ...rest,
    additionalProperties: false,
  };
}

/** The strict request schema: the request schema with every event reference pointing at the strict event. */
export function toStrictRequestSchema(source: JsonSchema): JsonSchema {
  const { $schema, $id, title, description, $comment, ...rest } = clone(source);
  const body = JSON.parse(
    JSON.stringify(rest).replaceAll('"event.schema.json"', JSON.stringify('event' + STRICT_SUFFIX)),
  ) as JsonSchema;
  return {
    $comment: `${GENERATED_NOTICE} from request.schema.json. ${String($comment ?? '')}`.trim(),
    $schema,
    $id: strictId(String($id)),
    title: `${String(title)}Strict`,
    description: `${String(description)} Strict variant: events are checked against event.strict.schema.json.`,
    ...body,
  };
}

export const schemas = {
  eventNames: eventNamesSchema as JsonSchema,
  event: eventSchema as JsonSchema,
  request: requestSchema as JsonSchema,
  responses: responsesSchema as JsonSchema,
  threshold: thresholdSchema as JsonSchema,
  fingerprint: fingerprintSchema as JsonSchema,
  eventStrict: toStrictEventSchema(eventSchema as JsonSchema),
  requestStrict: toStrictRequestSchema(requestSchema as JsonSchema),
} as const;

/** The supported event names (the official SDK's `Events` enum), read from the schema. */
export const EVENT_NAMES: readonly TgaEventName[] = Object.freeze([
  ...eventNamesSchema.enum,
] as TgaEventName[]);
