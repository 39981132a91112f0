// Follows a `$ref` to one of the contract's schemas (by $id suffix), so generators walk the real
// schema rather than a copy of it.
import { schemas, type JsonSchema } from '../../schema';

export function resolveSchema(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = Object.values(schemas).find((s) => String(s.$id).endsWith(`/${ref}`));
  if (!target) throw new Error(`cannot resolve $ref ${ref}`);
  const { $ref: _ref, ...rest } = schema;
  return { ...resolveSchema(target), ...rest };
}

/** The JSON types a schema allows, from `type`, or from the values of an `enum`. */
export function allowedTypes(schema: JsonSchema): string[] | null {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map(jsonType))];
  return null;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function typeAllows(types: string[], value: unknown): boolean {
  const t = jsonType(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}
