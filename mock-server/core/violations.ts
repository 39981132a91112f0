// The TGA-Mock-Violations header: the validator's errors as compact JSON (keyword, instancePath,
// message). Headers have practical size limits (Node's default total is 16 KB), so the list is
// cut to fit a budget, and the cut is marked.
export interface Violation {
  keyword: string;
  instancePath: string;
  message: string;
}

export const VIOLATIONS_HEADER_MAX = 2048;

export function violationsHeader(list: readonly Violation[], max = VIOLATIONS_HEADER_MAX): string {
  const compact = list.map((v) => ({ keyword: v.keyword, instancePath: v.instancePath, message: v.message }));
  for (let n = compact.length; n >= 0; n--) {
    const shown: unknown[] = compact.slice(0, n);
    if (n < compact.length) shown.push({ truncated: compact.length - n });
    // Header values must be visible ASCII: non-ASCII (e.g. an event name in the message) is escaped.
    const text = JSON.stringify(shown).replace(
      /[^\x20-\x7e]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    if (text.length <= max) return text;
  }
  return '[]';
}
