// Equality of JSON values as the schemas mean them: object key order is not part of a schema, so
// `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same const, the same subschema, the same annotation.

/** The value's JSON text with every object's keys sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
