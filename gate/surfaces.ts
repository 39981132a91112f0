// What the gate compares: the contract's schemas as "surfaces", each resolved (every $ref inlined)
// and marked with its side. Request side: the body as written and its strict variant. Response
// side: each documented response of responses.schema.json (with its HTTP status) and the threshold.
import { toStrictEventSchema, toStrictRequestSchema, type JsonSchema } from '../schema/schemas';
import { resolveRefs, type ResolvedSchema } from '../schema/json/resolveRefs';
import type { Side } from './rules';

export interface Surface {
  /** Stable id: `request`, `request.strict`, `response:Success`, `threshold`. */
  id: string;
  side: Side;
  resolved: ResolvedSchema;
  /** Response surfaces: the documented HTTP status and reason code. */
  status?: number;
  reason?: string;
}

/** Reads a file of a checkout (path relative to its root) as text; null when it does not exist. */
export type ReadFile = (rel: string) => string | null;

export const SCHEMA_FILES = {
  eventNames: 'schema/event-names.schema.json',
  event: 'schema/event.schema.json',
  request: 'schema/request.schema.json',
  responses: 'schema/responses.schema.json',
  threshold: 'schema/threshold.schema.json',
  eventStrict: 'schema/generated/event.strict.schema.json',
  requestStrict: 'schema/generated/request.strict.schema.json',
} as const;

export class SchemaFileError extends Error {}

function parse(read: ReadFile, rel: string, where: string): JsonSchema | null {
  const text = read(rel);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
    return value as JsonSchema;
  } catch (err) {
    throw new SchemaFileError(`${rel} (${where}) is not a readable schema: ${(err as Error).message}`);
  }
}

/**
 * @param strictFrom 'generated': read the strict variants from schema/generated/ (the base: what
 *   was published), deriving them only when absent; 'derive': compute them from the sources with
 *   this checkout's derivation (the working tree, where generated files may not be regenerated yet).
 * @returns null when the checkout has no request schema at all (nothing to compare).
 */
export function loadSurfaces(
  read: ReadFile,
  where: string,
  strictFrom: 'generated' | 'derive',
  /** More schema files the contract's schemas may reference (e.g. a definition split out of event.schema.json). */
  extraFiles: string[] = [],
): Surface[] | null {
  const doc = (rel: string) => parse(read, rel, where);
  const [eventNames, event, request, responses, threshold] = [
    doc(SCHEMA_FILES.eventNames),
    doc(SCHEMA_FILES.event),
    doc(SCHEMA_FILES.request),
    doc(SCHEMA_FILES.responses),
    doc(SCHEMA_FILES.threshold),
  ];
  if (!request) return null;
  const published = strictFrom === 'generated';
  const eventStrict = (published && doc(SCHEMA_FILES.eventStrict)) || (event && toStrictEventSchema(event));
  const requestStrict = (published && doc(SCHEMA_FILES.requestStrict)) || toStrictRequestSchema(request);
  const known = new Set<string>(Object.values(SCHEMA_FILES));
  // Only a document with an $id can be the target of a $ref.
  const extra = extraFiles
    .filter((rel) => !known.has(rel))
    .map(doc)
    .filter((d) => typeof d?.$id === 'string');
  const docs = [
    eventNames,
    event,
    request,
    eventStrict,
    requestStrict,
    responses,
    threshold,
    ...extra,
  ].filter((d): d is JsonSchema => d !== null);
  const id = (s: JsonSchema) => String(s.$id);
  const surfaces: Surface[] = [
    { id: 'request', side: 'request', resolved: resolveRefs(docs, id(request)) },
    { id: 'request.strict', side: 'request', resolved: resolveRefs(docs, id(requestStrict)) },
  ];
  for (const [name, def] of Object.entries((responses?.$defs ?? {}) as Record<string, JsonSchema>)) {
    surfaces.push({
      id: `response:${name}`,
      side: 'response',
      resolved: resolveRefs(docs, `${id(responses as JsonSchema)}#/$defs/${name}`),
      status: typeof def['x-status'] === 'number' ? def['x-status'] : undefined,
      reason: typeof def['x-reason'] === 'string' ? def['x-reason'] : undefined,
    });
  }
  if (threshold)
    surfaces.push({
      id: 'threshold',
      side: 'response',
      resolved: resolveRefs(docs, id(threshold)),
      status: 200,
    });
  return surfaces;
}
