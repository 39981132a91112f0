// The answer's TGA-Mock-Violations header (core/violations.ts writes it) read back for the page:
// each violation with the JSON Pointer of the value the body view marks. A header from another
// shell or an upstream may be anything, so whatever does not parse is left out.

export interface MarkedViolation {
  keyword: string;
  /** Where ajv found the problem (the object itself for `required`). */
  instancePath: string;
  message: string;
  /** The value to mark: instancePath, or the extra property for additionalProperties. */
  mark: string;
  /** For `required`: the property that is missing (there is no value to mark). */
  missing?: string;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function parseViolations(header: string | undefined): {
  violations: MarkedViolation[];
  truncated?: number;
} {
  if (header === undefined) return { violations: [] };
  let list: unknown;
  try {
    list = JSON.parse(header);
  } catch {
    return { violations: [] };
  }
  if (!Array.isArray(list)) return { violations: [] };
  const violations: MarkedViolation[] = [];
  let truncated: number | undefined;
  for (const v of list) {
    if (!isObject(v)) continue;
    if (typeof v.truncated === 'number') truncated = v.truncated;
    if (typeof v.instancePath !== 'string' || typeof v.message !== 'string') continue;
    const params = isObject(v.params) ? v.params : {};
    const keyword = typeof v.keyword === 'string' ? v.keyword : '';
    const extra = keyword === 'additionalProperties' ? params.additionalProperty : undefined;
    const missing = keyword === 'required' ? params.missingProperty : undefined;
    violations.push({
      keyword,
      instancePath: v.instancePath,
      message: v.message,
      mark: typeof extra === 'string' ? `${v.instancePath}/${escapePointer(extra)}` : v.instancePath,
      ...(typeof missing === 'string' ? { missing } : {}),
    });
  }
  return truncated === undefined ? { violations } : { violations, truncated };
}
