// Turns the set of schema files (which reference each other by relative $id) into one set of named
// definitions with local references, the shape json-schema-to-typescript and OpenAPI components need.
import type { JsonSchema } from '../schema/schemas';

export interface SchemaSet {
  eventNames: JsonSchema;
  event: JsonSchema;
  eventStrict: JsonSchema;
  /** POST /events/fingerprint's body (not in the docs). */
  fingerprint: JsonSchema;
  request: JsonSchema;
  requestStrict: JsonSchema;
  responses: JsonSchema;
  threshold: JsonSchema;
  version: string;
  /** The documented request examples (schema/examples/documented.json), for the OpenAPI document. */
  documentedExamples?: { name: string; body: unknown }[];
}

export interface Bundle {
  /** Named definitions, references rewritten by `refTo`. */
  defs: Record<string, JsonSchema>;
  /** The request schema (without $defs), references rewritten. */
  request: JsonSchema;
}

/** File-level identities dropped from bundled definitions: a nested $id would re-base `#/...` references. */
function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, $defs: _d, ...rest } = schema;
  return rest;
}

function mapRef(ref: string, map: Record<string, string>): string {
  const target = map[ref];
  if (!target) throw new Error(`bundle: no mapping for $ref ${ref}`);
  return target;
}

function rewriteRefs(value: unknown, map: Record<string, string>, keepSiblings: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, map, keepSiblings));
  if (value && typeof value === 'object') {
    const ref = (value as JsonSchema).$ref;
    // json-schema-to-typescript turns a `$ref` with sibling keywords into a new anonymous copy of
    // the target (TgaEventName1, TgaEventName2, ...); a bare `$ref` keeps the one named type.
    if (!keepSiblings && typeof ref === 'string') return { $ref: mapRef(ref, map) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === '$ref' && typeof v === 'string' ? mapRef(v, map) : rewriteRefs(v, map, keepSiblings);
    }
    return out;
  }
  return value;
}

/**
 * @param refTo where a named definition lives in the output (`#/$defs/X`, `#/components/schemas/X`)
 * @param keepRefSiblings keep keywords beside `$ref` (OpenAPI 3.1 allows them; the type generator
 *   would duplicate the referenced type)
 */
export function bundle(set: SchemaSet, refTo: (name: string) => string, keepRefSiblings = true): Bundle {
  const requestDefs = (set.request.$defs ?? {}) as Record<string, JsonSchema>;
  const strictDefs = (set.requestStrict.$defs ?? {}) as Record<string, JsonSchema>;
  const responseDefs = (set.responses.$defs ?? {}) as Record<string, JsonSchema>;
  const map: Record<string, string> = {
    'event-names.schema.json': refTo('TgaEventName'),
    'event.schema.json': refTo('TgaEvent'),
    'event.strict.schema.json': refTo('TgaEventStrict'),
    '#/$defs/EventBatch': refTo('EventBatch'),
  };
  const strictMap = { ...map, '#/$defs/EventBatch': refTo('EventBatchStrict') };
  const rw = (s: JsonSchema, m = map) => rewriteRefs(strip(s), m, keepRefSiblings) as JsonSchema;
  const defs: Record<string, JsonSchema> = {
    TgaEventName: rw(set.eventNames),
    TgaEvent: rw(set.event),
    TgaEventStrict: rw(set.eventStrict),
    EventBatch: rw(requestDefs.EventBatch),
    EventBatchStrict: { ...rw(strictDefs.EventBatch, strictMap), title: 'EventBatchStrict' },
    EventsRequest: rw(set.request),
    EventsRequestStrict: rw(set.requestStrict, strictMap),
    EventsThreshold: rw(set.threshold),
  };
  for (const [name, def] of Object.entries(responseDefs)) defs[name] = rw(def);
  return { defs, request: defs.EventsRequest };
}
