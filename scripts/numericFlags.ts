// The flag parser of the bench, soak and fuzz scripts: `--name value` pairs, each value a number
// its flag's rule accepts. An unknown flag or a rejected value is an error naming it and the flags.

/** flag → [the field it sets, what values it accepts, that rule in words for the error]. */
export type FlagTable<T> = Record<string, [keyof T, (n: number) => boolean, string]>;

export function parseNumericFlags<T extends object>(
  argv: string[],
  defaults: T,
  table: FlagTable<T>,
  /** Flags whose value is text (e.g. an output path): flag → setter. */
  text: Record<string, (value: string, into: T) => void> = {},
): T {
  const out = { ...defaults };
  const usage = [...Object.entries(table).map(([f, [, , rule]]) => `${f} ${rule}`), ...Object.keys(text)];
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (text[flag]) {
      if (value === undefined || value.startsWith('--')) throw new Error(`missing value for ${flag}`);
      text[flag](value, out);
      continue;
    }
    const entry = table[flag];
    if (!entry) throw new Error(`unknown flag ${flag}; flags: ${usage.join(', ')}`);
    const num = Number(value);
    if (value === undefined || !Number.isFinite(num) || !entry[1](num))
      throw new Error(`bad value for ${flag}: ${value} (expected ${entry[2]})`);
    (out[entry[0]] as number) = num;
  }
  return out;
}
