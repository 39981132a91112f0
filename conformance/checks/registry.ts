// The table of checks: names are unique (a duplicate is a programming error, thrown at load), and
// --checks / --skip-checks select by exact name, family prefix (`negative`) or `*` pattern.
import type { Check } from './check';

export interface Registry {
  readonly checks: readonly Check[];
  get(name: string): Check | undefined;
  /** The checks the patterns select, in registry order; `unknown` lists patterns matching none. */
  select(include: string[] | null, exclude: string[]): { selected: Check[]; unknown: string[] };
}

const NAME = /^[a-z][a-z0-9-]*(\.[A-Za-z0-9_\-[\]]+)+$/;

export function matches(name: string, pattern: string): boolean {
  if (pattern.includes('*')) {
    const re = new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`);
    return re.test(name);
  }
  return name === pattern || name.startsWith(`${pattern}.`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createRegistry(checks: readonly Check[]): Registry {
  const byName = new Map<string, Check>();
  for (const check of checks) {
    if (!NAME.test(check.name)) throw new Error(`check name "${check.name}" is not family.name`);
    if (byName.has(check.name)) throw new Error(`duplicate check name "${check.name}"`);
    byName.set(check.name, check);
  }
  const all = Object.freeze([...checks]);
  return {
    checks: all,
    get: (name) => byName.get(name),
    select(include, exclude) {
      const patterns = [...(include ?? []), ...exclude];
      const unknown = patterns.filter((p) => !all.some((c) => matches(c.name, p)));
      const selected = all.filter(
        (c) =>
          (include === null || include.some((p) => matches(c.name, p))) &&
          !exclude.some((p) => matches(c.name, p)),
      );
      return { selected, unknown };
    },
  };
}
