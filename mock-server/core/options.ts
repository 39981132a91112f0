// The one options resolver: every default lives in OPTION_TABLE, and every source (config file <
// environment < flags < programmatic overrides) goes through the same parsers. Errors are data,
// so the CLI can print one clear line and exit 2.
import { parseArgs } from 'node:util';
import { bool, bytes, int, oneOf, str, threshold, type Parser } from './optionParsers';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface MockOptions {
  port: number;
  host: string;
  secret: string;
  /** Requests per window per app; 0 = off. */
  rateLimit: number;
  /** Window length in seconds. */
  rateWindow: number;
  journalCap: number;
  journalFile?: string;
  strict: boolean;
  logLevel: LogLevel;
  requireOrigin: boolean;
  adminToken?: string;
  /** Bytes, applied to the decompressed body. */
  bodyLimit: number;
  threshold: Record<string, number>;
  /** Milliseconds a client has to send its whole request; 0 = no limit. */
  requestTimeout: number;
  config?: string;
}

export const DEV_SECRET = 'tga-mock-development-secret';

type Kind = 'int' | 'string' | 'bool' | 'bytes' | 'json';
interface OptionSpec {
  key: keyof MockOptions;
  flag: string;
  env: string;
  kind: Kind;
  default: unknown;
  parse: Parser;
  help: string;
}

const spec = (key: keyof MockOptions, kind: Kind, def: unknown, parse: Parser, help: string): OptionSpec => {
  const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return {
    key,
    flag: `--${kebab}`,
    env: `TGA_MOCK_${kebab.replace(/-/g, '_').toUpperCase()}`,
    kind,
    default: def,
    parse,
    help,
  };
};

/** Every option: flag, env variable, default, parser, help. The README's table mirrors this one. */
export const OPTION_TABLE: readonly OptionSpec[] = [
  spec('port', 'int', 8787, int(0, 65535), 'port to listen on; 0 picks a free port'),
  spec('host', 'string', '127.0.0.1', str, 'address to listen on'),
  spec(
    'secret',
    'string',
    DEV_SECRET,
    str,
    'token signing secret (the default is public: a warning is printed)',
  ),
  spec('rateLimit', 'int', 600, int(0), 'requests per window per app; 0 = off; 429 answers do not count'),
  spec('rateWindow', 'int', 60, int(1, 86_400), 'rate-limit window in seconds (fixed windows)'),
  spec('journalCap', 'int', 10_000, int(1, 10_000_000), 'events kept in memory; oldest dropped and counted'),
  spec('journalFile', 'string', undefined, str, 'also append every recorded event to this JSONL file'),
  spec(
    'strict',
    'bool',
    false,
    bool,
    'validate against the strict schema (unknown top-level fields rejected)',
  ),
  spec('logLevel', 'string', 'info', oneOf(LOG_LEVELS), `log level: ${LOG_LEVELS.join(', ')}`),
  spec('requireOrigin', 'bool', false, bool, 'answer 403 when a request has neither Origin nor Referer'),
  spec(
    'adminToken',
    'string',
    undefined,
    str,
    'require this TGA-Mock-Admin-Token on /__mock (then any client may use it)',
  ),
  spec('bodyLimit', 'bytes', 1024 * 1024, bytes, 'largest decompressed body in bytes (413 above it)'),
  spec('threshold', 'json', { 'app-hide': 3 }, threshold, 'JSON answer of GET /events/threshold'),
  spec(
    'requestTimeout',
    'int',
    30_000,
    int(0, 3_600_000),
    'ms a client has to send its whole request (slow clients are cut off); 0 = none',
  ),
  spec('config', 'string', undefined, str, 'JSON file with any of these options (camelCase or flag names)'),
];

export const DEFAULT_OPTIONS: Readonly<MockOptions> = Object.freeze(
  Object.fromEntries(
    OPTION_TABLE.filter((o) => o.default !== undefined).map((o) => [o.key, o.default]),
  ) as unknown as MockOptions,
);

export interface ResolveInput {
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  overrides?: Partial<MockOptions>;
  readFile?: (path: string) => string;
}

export type Resolved = { ok: true; options: MockOptions; warnings: string[] } | { ok: false; error: string };

const byKey = new Map(OPTION_TABLE.map((o) => [o.key as string, o]));

function parseFlags(argv: readonly string[]): Record<string, unknown> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: Object.fromEntries(
      OPTION_TABLE.map((o) => [o.flag.slice(2), { type: o.kind === 'bool' ? 'boolean' : 'string' } as const]),
    ),
  });
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]),
  );
}

function fromConfig(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('expected a JSON object');
  return Object.fromEntries(
    Object.entries(parsed).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]),
  );
}

export function resolveOptions(input: ResolveInput = {}): Resolved {
  const env = input.env ?? {};
  const layers: [string, Record<string, unknown>][] = [];
  try {
    const flags = input.argv ? parseFlags(input.argv) : {};
    const envValues = Object.fromEntries(
      OPTION_TABLE.filter((o) => env[o.env] !== undefined).map((o) => [o.key, env[o.env]]),
    );
    const configPath = (input.overrides?.config ?? flags.config ?? envValues.config) as string | undefined;
    if (configPath !== undefined) {
      const read = input.readFile;
      if (!read) throw new Error('config: no file reader given');
      try {
        layers.push([`config ${configPath}`, fromConfig(read(configPath))]);
      } catch (e) {
        throw new Error(`config ${configPath}: ${(e as Error).message}`, { cause: e });
      }
    }
    layers.push(['environment', envValues], ['flags', flags], ['options', { ...input.overrides }]);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const options: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const [source, values] of layers) {
    for (const [key, raw] of Object.entries(values)) {
      if (raw === undefined) continue;
      const o = byKey.get(key);
      if (!o) return { ok: false, error: `${source}: unknown option "${key}"` };
      const parsed = o.parse(raw);
      const name = source === 'environment' ? o.env : source === 'flags' ? o.flag : key;
      if (!parsed.ok)
        return {
          ok: false,
          error: `${source}: ${name} must be ${parsed.expected} (got ${JSON.stringify(raw)})`,
        };
      options[key] = parsed.value;
    }
  }
  const warnings =
    options.secret === DEV_SECRET
      ? ['using the public development secret: set --secret or TGA_MOCK_SECRET']
      : [];
  return { ok: true, options: Object.freeze(options) as unknown as MockOptions, warnings };
}

/** The options as shown by /__mock/health: secrets left out. */
export function publicOptions(
  options: MockOptions,
): Omit<MockOptions, 'secret' | 'adminToken'> & { adminToken: boolean } {
  const { secret: _secret, adminToken, ...rest } = options;
  return { ...rest, adminToken: adminToken !== undefined };
}

export function usage(): string {
  const rows = OPTION_TABLE.map((o) => {
    const def = o.default === undefined ? '' : ` (default ${JSON.stringify(o.default)})`;
    return `  ${(o.flag + (o.kind === 'bool' ? '' : ' <value>')).padEnd(24)} ${o.help}${def}  [${o.env}]`;
  });
  return [
    'Usage: tga-mock [options]',
    '       tga-mock token --app-name NAME --app-domain ORIGIN [--app-url URL] [--secret S]',
    '',
    'Options (each also an environment variable, shown in brackets; flags win over env, env over --config):',
    ...rows,
    '  --help                   print this help',
  ].join('\n');
}
