// One option table per command line: each option's flag, environment variable, default, parser
// and help live in one row, and everything else is derived from the table: reading argv and the
// environment, layering the sources, the --help text and --version. Used by tga-mock,
// tga-conformance, the schema breaking-change gate and the bench, soak and fuzz scripts, so they
// all answer a bad flag the same way: one line naming it (the CLI exits 2). The resolved options
// are typed by the table too: each row's parser gives its option's type (OptionValues).
import type { Parser } from './parsers';
import { closestFlag } from './suggest';
import { packageVersion } from './version';

export interface OptionSpec<K extends string = string, T = unknown> {
  /** The field of the resolved options. */
  key: K;
  flag: string;
  env?: string;
  /** switch: no value (true when given); value: needs one; optional: takes one when given as --flag=V or followed by a value `optionalValue` accepts. */
  arity: 'switch' | 'value' | 'optional';
  /** What the value is called in --help. */
  valueName: string;
  default?: T;
  /** --help's words for a default computed at run time (e.g. "random, printed"). */
  defaultText?: string;
  /** For arity optional: the value a bare flag stands for, and which next argument is its value. */
  bareValue?: T;
  optionalValue?: RegExp;
  parse: Parser<T>;
  help: string;
}

/** A row with a default: its option is always set. */
export type DefaultedSpec<K extends string = string, T = unknown> = OptionSpec<K, T> & { default: T };

/** A row as written: flag, arity and value name may be left out; the type comes from the parser alone. */
export type OptionRow<K extends string = string, T = unknown> = Omit<
  OptionSpec<K, T>,
  'flag' | 'arity' | 'valueName' | 'default' | 'bareValue'
> &
  Partial<Pick<OptionSpec<K, T>, 'flag' | 'arity' | 'valueName'>> & {
    default?: NoInfer<T>;
    bareValue?: NoInfer<T>;
  };

export type OptionTable = readonly OptionSpec[];

type ParsedBy<O> = O extends { parse: Parser<infer T> } ? T : never;
type HasDefault<O> = O extends { default: unknown } ? true : false;
type Flat<T> = { [K in keyof T]: T[K] };

/** The options a table's defaults set, by key. */
export type DefaultValues<Tb extends OptionTable> = {
  [O in Tb[number] as HasDefault<O> extends true ? O['key'] : never]: ParsedBy<O>;
};

/** The options a table resolves to: a row with a default is always set, any other may be absent. */
export type OptionValues<Tb extends OptionTable> = Flat<
  DefaultValues<Tb> & { [O in Tb[number] as HasDefault<O> extends true ? never : O['key']]?: ParsedBy<O> }
>;

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A table row with the derivable fields filled in: flag `--kebab-key`, arity value, value name
 * VALUE. Its type keeps the key, the parser's value type and whether there is a default.
 */
export function option<const K extends string, T>(
  row: OptionRow<K, T> & { default: NoInfer<T> },
): DefaultedSpec<K, T>;
export function option<const K extends string, T>(
  row: OptionRow<K, T> & { default?: undefined },
): OptionSpec<K, T>;
export function option(row: OptionRow): OptionSpec {
  return { flag: `--${kebab(row.key)}`, arity: 'value', valueName: 'VALUE', ...row };
}

export interface CliSpec<Tb extends OptionTable = OptionTable> {
  /** The command's name as typed, e.g. `tga-mock`. */
  name: string;
  /** Lines after "Usage:", each without the command name's indentation. */
  synopsis: string[];
  summary?: string;
  table: Tb;
  /** Paragraphs after the options (exit codes, notes). */
  notes?: string[];
}

export type Values = Record<string, unknown>;
export interface Layer {
  /** `flags`, `environment`, `config FILE` or `options` (a caller's object): errors name the source. */
  source: string;
  values: Values;
}

export type ArgvReading =
  | { ok: true; help: boolean; version: boolean; flags: Values; positionals: string[] }
  | { ok: false; error: string };

/** Reads argv against the table: `--flag value`, `--flag=value`, switches, -h/--help, --version. */
export function readArgv(
  table: OptionTable,
  argv: readonly string[],
  { positionals: allowPositionals = false } = {},
): ArgvReading {
  const byFlag = new Map(table.map((o) => [o.flag, o]));
  const flags: Values = {};
  const positionals: string[] = [];
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '--version') {
      version = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (!allowPositionals) return { ok: false, error: `unexpected argument "${arg}"` };
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const o = byFlag.get(flag);
    if (!o) {
      const near = closestFlag(flag, [...byFlag.keys(), '--help', '--version']);
      return { ok: false, error: `unknown flag ${flag}${near ? `; did you mean ${near}?` : ''}` };
    }
    if (o.key in flags) return { ok: false, error: `${flag} given twice` };
    let value: unknown;
    if (o.arity === 'switch') value = inline ?? true;
    else if (inline !== undefined) value = inline;
    else if (o.arity === 'optional') {
      const next = argv[i + 1];
      value = next !== undefined && o.optionalValue?.test(next) ? argv[++i] : o.bareValue;
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return { ok: false, error: `${flag} needs a value` };
      value = argv[++i];
    }
    flags[o.key] = value;
  }
  return { ok: true, help, version, flags, positionals };
}

/** The options the environment sets, by key (unset and empty variables are left out). */
export function readEnv(table: OptionTable, env: Record<string, string | undefined>): Values {
  return Object.fromEntries(
    table
      .filter((o) => o.env && env[o.env] !== undefined && env[o.env] !== '')
      .map((o) => [o.key, env[o.env!]]),
  );
}

/** The table's defaults (options without one are left out). */
export function defaults<Tb extends OptionTable>(table: Tb): DefaultValues<Tb> {
  return Object.fromEntries(
    table.filter((o) => o.default !== undefined).map((o) => [o.key, o.default]),
  ) as DefaultValues<Tb>;
}

/**
 * Defaults, then each layer in order (later wins), every value through its row's parser. An
 * unknown key or a rejected value is an error naming the source and the option as that source
 * spells it (`--port must be …`, `environment: TGA_MOCK_PORT must be …`, `config FILE: port must be …`).
 */
export function resolveLayers<Tb extends OptionTable>(
  table: Tb,
  layers: readonly Layer[],
): { ok: true; values: OptionValues<Tb> } | { ok: false; error: string } {
  const byKey = new Map(table.map((o) => [o.key, o]));
  const values: Values = defaults(table);
  for (const { source, values: given } of layers) {
    for (const [key, raw] of Object.entries(given)) {
      if (raw === undefined) continue;
      const o = byKey.get(key);
      if (!o) return { ok: false, error: `${source}: unknown option "${key}"` };
      const parsed = o.parse(raw);
      // A flag names itself (`--port`); any other source is named before the option.
      const name =
        source === 'environment'
          ? `environment: ${o.env}`
          : source === 'flags'
            ? o.flag
            : `${source}: ${key}`;
      if (!parsed.ok)
        return { ok: false, error: `${name} must be ${parsed.expected} (got ${JSON.stringify(raw)})` };
      values[key] = parsed.value;
    }
  }
  // The one place the table's types meet the values: each went through its row's parser, and every
  // row with a default is set.
  return { ok: true, values: values as OptionValues<Tb> };
}

export type CommandLine<V = Values> =
  | { kind: 'help' | 'version' }
  | { kind: 'run'; values: V; positionals: string[] }
  | { kind: 'error'; error: string };

/** argv and the environment against the table: flags win over the environment, which wins over defaults. */
export function readCommandLine<Tb extends OptionTable>(
  spec: CliSpec<Tb>,
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
  opts: { positionals?: boolean } = {},
): CommandLine<OptionValues<Tb>> {
  const read = readArgv(spec.table, argv, opts);
  if (!read.ok) return { kind: 'error', error: read.error };
  if (read.help) return { kind: 'help' };
  if (read.version) return { kind: 'version' };
  const resolved = resolveLayers(spec.table, [
    { source: 'environment', values: readEnv(spec.table, env) },
    { source: 'flags', values: read.flags },
  ]);
  return resolved.ok
    ? { kind: 'run', values: resolved.values, positionals: read.positionals }
    : { kind: 'error', error: resolved.error };
}

function shownDefault(o: OptionSpec): string {
  if (o.defaultText !== undefined) return ` (default: ${o.defaultText})`;
  if (o.default === undefined || o.arity === 'switch') return '';
  return ` (default: ${typeof o.default === 'string' ? o.default : JSON.stringify(o.default)})`;
}

/** --help, generated from the table. */
export function helpText(spec: CliSpec): string {
  const head = (o: OptionSpec) =>
    o.arity === 'switch'
      ? o.flag
      : o.arity === 'optional'
        ? `${o.flag} [${o.valueName}]`
        : `${o.flag} ${o.valueName}`;
  const rows: [string, string][] = [
    ...spec.table.map((o): [string, string] => [
      head(o),
      `${o.help}${shownDefault(o)}${o.env ? ` [env ${o.env}]` : ''}`,
    ]),
    ['--version', 'print the version and exit'],
    ['-h, --help', 'print this help and exit'],
  ];
  const width = Math.min(28, Math.max(...rows.map(([h]) => h.length)) + 2);
  const lines = rows.map(([h, text]) =>
    h.length + 2 > width ? `  ${h}\n  ${' '.repeat(width)}${text}` : `  ${h.padEnd(width)}${text}`,
  );
  return [
    ...spec.synopsis.map((s, i) => `${i === 0 ? 'Usage: ' : '       '}${spec.name}${s ? ` ${s}` : ''}`),
    ...(spec.summary ? ['', spec.summary] : []),
    '',
    'Options:',
    ...lines,
    ...(spec.notes ?? []).flatMap((n) => ['', n]),
  ].join('\n');
}

/** What --version prints: the package's version, alone on its line. */
export function versionText(): string {
  return packageVersion();
}

/** The one line a usage error prints (the CLI then exits 2). */
export function usageError(spec: CliSpec, error: string): string {
  return `${spec.name}: ${error} (see ${spec.name} --help)`;
}
