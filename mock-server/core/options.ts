// The mock's options: every default lives in OPTION_TABLE (one row per option, through the shared
// cli-kit helper), and every source (config file < environment < flags < programmatic overrides)
// goes through the same parsers. Errors are data, so the CLI can print one clear line and exit 2.
import {
  bool,
  bytes,
  defaults,
  helpText,
  int,
  list,
  oneOf,
  option,
  readArgv,
  readEnv,
  resolveLayers,
  str,
  threshold,
  type CliSpec,
  type Layer,
  type OptionSpec,
  type Parser,
} from '../../cli-kit';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface MockOptions {
  port: number;
  host: string;
  /** PEM certificate (chain) file: with tlsKey, the mock serves HTTPS. */
  tlsCert?: string;
  /** PEM private key file of tlsCert. */
  tlsKey?: string;
  secret: string;
  /** Requests per window per app; 0 = off. */
  rateLimit: number;
  /** Window length in seconds. */
  rateWindow: number;
  journalCap: number;
  /** Bytes of recorded event JSON kept in memory. */
  journalMaxBytes: number;
  journalFile?: string;
  /** A failed journal-file write answers 500 instead of 201. */
  journalFileRequired: boolean;
  strict: boolean;
  logLevel: LogLevel;
  requireOrigin: boolean;
  adminToken?: string;
  /** Host names the control API and inspector answer besides loopback and the bound address. */
  allowedHosts?: string[];
  /** Bytes, applied to the decompressed body. */
  bodyLimit: number;
  threshold: Record<string, number>;
  /** Milliseconds a client has to send its whole request; 0 = no limit. */
  requestTimeout: number;
  config?: string;
}

export const DEV_SECRET = 'tga-mock-development-secret';

type Kind = 'int' | 'string' | 'file' | 'bool' | 'bytes' | 'json' | 'list';

const spec = (key: keyof MockOptions, kind: Kind, def: unknown, parse: Parser, help: string): OptionSpec => {
  const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const valueName = {
    int: 'N',
    string: 'TEXT',
    file: 'FILE',
    bool: '',
    bytes: 'BYTES',
    json: 'JSON',
    list: 'A,B',
  }[kind];
  return option({
    key,
    env: `TGA_MOCK_${kebab.replace(/-/g, '_').toUpperCase()}`,
    arity: kind === 'bool' ? 'switch' : 'value',
    valueName,
    default: def,
    parse,
    help,
  });
};

/** Every option: flag, env variable, default, parser, help. docs/mock-server.md's table mirrors this one. */
export const OPTION_TABLE: readonly OptionSpec[] = [
  spec('port', 'int', 8787, int(0, 65535), 'port to listen on; 0 picks a free port'),
  spec('host', 'string', '127.0.0.1', str, 'address to listen on (0.0.0.0 or :: = every interface)'),
  spec('tlsCert', 'file', undefined, str, 'serve HTTPS with this PEM certificate (chain); needs --tls-key'),
  spec('tlsKey', 'file', undefined, str, 'the PEM private key of --tls-cert'),
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
  spec(
    'journalMaxBytes',
    'bytes',
    256 * 1024 * 1024,
    bytes,
    'bytes of event JSON kept in memory; oldest dropped and counted',
  ),
  spec('journalFile', 'string', undefined, str, 'also append every recorded event to this JSONL file'),
  spec(
    'journalFileRequired',
    'bool',
    false,
    bool,
    'answer 500 (not 201) when the journal file cannot be written',
  ),
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
  spec(
    'allowedHosts',
    'list',
    undefined,
    list,
    'Host names /__mock answers besides loopback and --host (.example.com = it and subdomains)',
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
  defaults(OPTION_TABLE) as unknown as MockOptions,
);

/** The command line: `tga-mock [options]` and its `token` command; --help is generated from it. */
export const MOCK_CLI: CliSpec = {
  name: 'tga-mock',
  synopsis: ['[options]', 'token --app-name NAME --app-domain ORIGIN [--app-url URL] [--secret S]'],
  summary:
    'A mock of the Telegram Mini Apps analytics API (POST /events). Each option is also an environment\n' +
    'variable (shown in brackets); flags win over the environment, the environment over --config.',
  table: OPTION_TABLE,
};

export interface ResolveInput {
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  overrides?: Partial<MockOptions>;
  readFile?: (path: string) => string;
}

export type Resolved = { ok: true; options: MockOptions; warnings: string[] } | { ok: false; error: string };

const camel = (k: string) => k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function fromConfig(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('expected a JSON object');
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [camel(k), v]));
}

export function resolveOptions(input: ResolveInput = {}): Resolved {
  const read = readArgv(OPTION_TABLE, input.argv ?? []);
  if (!read.ok) return { ok: false, error: read.error };
  const flags = read.flags;
  const envValues = readEnv(OPTION_TABLE, input.env ?? {});
  const layers: Layer[] = [];
  const configPath = (input.overrides?.config ?? flags.config ?? envValues.config) as string | undefined;
  if (configPath !== undefined) {
    const readFile = input.readFile;
    if (!readFile) return { ok: false, error: 'config: no file reader given' };
    try {
      layers.push({ source: `config ${configPath}`, values: fromConfig(readFile(configPath)) });
    } catch (e) {
      return { ok: false, error: `config ${configPath}: ${(e as Error).message}` };
    }
  }
  layers.push(
    { source: 'environment', values: envValues },
    { source: 'flags', values: flags },
    { source: 'options', values: { ...input.overrides } },
  );
  const resolved = resolveLayers(OPTION_TABLE, layers);
  if (!resolved.ok) return resolved;
  const options = resolved.values;
  if (options.journalFileRequired === true && options.journalFile === undefined)
    return { ok: false, error: 'journal-file-required: needs --journal-file FILE' };
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined))
    return {
      ok: false,
      error: `--tls-cert and --tls-key go together: ${options.tlsCert === undefined ? '--tls-cert' : '--tls-key'} is missing`,
    };
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

/** --help of tga-mock, generated from OPTION_TABLE. */
export function usage(): string {
  return helpText(MOCK_CLI);
}
