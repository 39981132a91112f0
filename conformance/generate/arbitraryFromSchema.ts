// fast-check arbitraries built from the event schema, so generated "valid" events explore every
// declared field and type (nulls, both auth_type forms, nested messages) without a hand-written
// generator that could drift from the schema.
import fc from 'fast-check';
import type { JsonSchema } from '../../schema';
import { allowedTypes, inlineRefs } from './schemaWalk';

const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__');
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());

function forType(type: string, s: JsonSchema): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return s.format === 'uuid' ? fc.uuid() : fc.string({ maxLength: 16 });
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'integer':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? nodeArbitrary(s.items as JsonSchema) : scalar, {
        minLength: typeof s.minItems === 'number' ? s.minItems : 0,
        maxLength: 3,
      });
    case 'object':
      return s.properties ? objectArbitrary(s) : fc.dictionary(key, scalar, { maxKeys: 3 });
    default:
      throw new Error(`no generator for JSON type ${type}`);
  }
}

/** An object of the schema's properties (nodes already inlined); `fixed` ones are constant and required. */
function objectArbitrary(
  s: JsonSchema,
  fixed: Record<string, unknown> = {},
): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(s.properties as Record<string, JsonSchema>)) {
    model[name] = name in fixed ? fc.constant(fixed[name]) : nodeArbitrary(sub);
  }
  const required = [...new Set([...((s.required as string[] | undefined) ?? []), ...Object.keys(fixed)])];
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A node of an inlined schema: its enum values, or any of its types. */
function nodeArbitrary(s: JsonSchema): fc.Arbitrary<unknown> {
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const types = allowedTypes(s);
  if (!types) throw new Error(`schema without type or enum: ${JSON.stringify(s).slice(0, 80)}`);
  return fc.oneof(...types.map((t) => forType(t, s)));
}

/** Values valid against one of the contract's schemas. */
export function arbitraryFromSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  return nodeArbitrary(inlineRefs(schema));
}

/**
 * `count` valid events for the app, reproducible from `seed`; `view` narrows the inlined schema
 * first (documentedView: only what the documentation guarantees, in its documented shape).
 */
export function sampleValidEvents(
  eventSchema: JsonSchema,
  appName: string,
  seed: number,
  count: number,
  view: (inlined: JsonSchema) => JsonSchema = (s) => s,
) {
  return fc.sample(objectArbitrary(view(inlineRefs(eventSchema)), { app_name: appName }), {
    seed,
    numRuns: count,
  });
}
