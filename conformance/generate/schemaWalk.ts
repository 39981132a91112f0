// What the generators need to walk a contract schema: the schema with every `$ref` inlined (by the
// contract's one resolver, schema/json/resolveRefs.ts), and the JSON types a node allows.
import { schemas, type JsonSchema } from '../../schema';
import { jsonType } from '../../schema/json/jsonType';
import { resolveRefs } from '../../schema/json/resolveRefs';

/** `schema` (one of the contract's, or a variant with the same `$id`) with every `$ref` inlined. */
export function inlineRefs(schema: JsonSchema): JsonSchema {
  const id = String(schema.$id);
  const others = Object.values(schemas).filter((s) => s.$id !== id);
  return resolveRefs([...others, schema], id).schema as JsonSchema;
}

/** The JSON types a schema allows, from `type`, or from the values of an `enum`. */
export function allowedTypes(schema: JsonSchema): string[] | null {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map(jsonType))];
  return null;
}
