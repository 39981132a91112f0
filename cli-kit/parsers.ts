// The value parsers of the option tables (cli-kit/optionTable.ts). Each accepts what a flag or env
// variable gives (a string) and what a config file or a caller gives (a typed JSON value), so every
// source is checked by the same code. A parser's result type is the option's type: the tables
// derive their options' types from their parsers (optionTable.ts's OptionValues).
export type Parser<T = unknown> = (
  value: unknown,
) => { ok: true; value: T } | { ok: false; expected: string };

export const int =
  (min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> =>
  (v) => {
    const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max
      ? { ok: true, value: n }
      : { ok: false, expected: `an integer from ${min} to ${max}` };
  };
export const str: Parser<string> = (v) =>
  typeof v === 'string' && v !== '' ? { ok: true, value: v } : { ok: false, expected: 'a non-empty string' };
export const bool: Parser<boolean> = (v) => {
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (v === 'true' || v === '1') return { ok: true, value: true };
  if (v === 'false' || v === '0' || v === '') return { ok: true, value: false };
  return { ok: false, expected: 'true or false' };
};
export const bytes: Parser<number> = (v) => {
  const m = typeof v === 'string' ? /^(\d+)\s*(b|kb|mb)?$/i.exec(v.trim()) : null;
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(m?.[2] ?? 'b').toLowerCase() as 'b'];
  const n = m ? Number(m[1]) * unit : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1
    ? { ok: true, value: n }
    : { ok: false, expected: 'a byte count >= 1 (e.g. 1048576, 512kb, 1mb)' };
};
export const oneOf = <const V extends string>(values: readonly V[]): Parser<V> => {
  const known = (v: unknown): v is V => typeof v === 'string' && (values as readonly string[]).includes(v);
  return (v) => (known(v) ? { ok: true, value: v } : { ok: false, expected: values.join(', ') });
};
export const threshold: Parser<Record<string, number>> = (v) => {
  let value = v;
  if (typeof v === 'string') {
    try {
      value = JSON.parse(v);
    } catch {
      return { ok: false, expected: 'a JSON object of event name -> count' };
    }
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  return ok
    ? { ok: true, value: value as Record<string, number> }
    : { ok: false, expected: 'a JSON object of event name -> integer count >= 0' };
};
/** A comma-separated list (empty items dropped); a config file or caller may give an array. */
export const list: Parser<string[]> = (v) => {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : null;
  return items && items.every((s) => typeof s === 'string')
    ? { ok: true, value: items.map((s: string) => s.trim()).filter(Boolean) }
    : { ok: false, expected: 'a comma-separated list' };
};
/** A number for the bench, soak and fuzz scripts, checked by a rule given in words. */
export const number =
  (accepts: (n: number) => boolean, expected: string): Parser<number> =>
  (v) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) && accepts(n)
      ? { ok: true, value: n }
      : { ok: false, expected };
  };
