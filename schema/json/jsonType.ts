// The JSON type of a value in JSON Schema's vocabulary: a whole number is an "integer", which a
// schema of type "number" also allows (draft 2020-12 §6.1.1: 1.0 is an integer too).

export type JsonTypeName = 'null' | 'array' | 'integer' | 'number' | 'string' | 'boolean' | 'object';

/** The most specific JSON type of a JSON value; throws on what JSON cannot hold (undefined, a function, a bigint). */
export function jsonType(value: unknown): JsonTypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'string':
    case 'boolean':
    case 'object':
      return typeof value as 'string' | 'boolean' | 'object';
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}

/** Whether a `type` list (the keyword's names) allows the value; an integer counts as a number. */
export function typeAllows(types: readonly string[], value: unknown): boolean {
  const t = jsonType(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}
