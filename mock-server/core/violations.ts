// The TGA-Mock-Violations header: the validator's errors as compact JSON (keyword, instancePath,
// message). Headers have practical size limits (Node's default total is 16 KB), so the list is
// cut to fit a budget, and the cut is marked.
import type { ValidationIssue } from '../../schema';

export interface Violation {
  keyword: string;
  instancePath: string;
  message: string;
  /** ajv's params for the keyword (e.g. additionalProperty, allowedValues), when from the validator. */
  params?: Record<string, unknown>;
}

/** ajv's message made to name what it means: the extra field, the allowed values. */
export function describeIssue(keyword: string, message: string, params: Record<string, unknown>): string {
  if (keyword === 'additionalProperties' && typeof params.additionalProperty === 'string')
    return `${message}: ${JSON.stringify(params.additionalProperty)}`;
  if (keyword === 'enum' && Array.isArray(params.allowedValues))
    return `${message}: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (keyword === 'const' && 'allowedValue' in params)
    return `${message}: ${JSON.stringify(params.allowedValue)}`;
  if (
    keyword === 'required' &&
    typeof params.missingProperty === 'string' &&
    !message.includes(params.missingProperty)
  )
    return `${message}: ${JSON.stringify(params.missingProperty)}`;
  return message;
}

/** The validator's errors as the mock reports them: each with its message made to name what it means. */
export function violationsOf(errors: readonly ValidationIssue[]): Violation[] {
  return errors.map(({ keyword, instancePath, message, params }) => ({
    keyword,
    instancePath,
    message: describeIssue(keyword, message, params),
    params,
  }));
}

/** A header value: visible ASCII only (others escaped), at most `max` characters. */
export function headerText(text: string, max = 512): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return ascii.length <= max ? ascii : `${ascii.slice(0, max - 3)}...`;
}

export const VIOLATIONS_HEADER_MAX = 2048;

export function violationsHeader(list: readonly Violation[], max = VIOLATIONS_HEADER_MAX): string {
  const compact = list.map((v) => ({
    keyword: v.keyword,
    instancePath: v.instancePath,
    message: v.message,
    ...(v.params ? { params: v.params } : {}),
  }));
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
