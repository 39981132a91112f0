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
  type DefaultedSpec,
  type Layer,
  type OptionSpec,
  type OptionValues,
  type Parser,
} from '../../cli-kit';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the mock answers: as the docs page says, or as the live service was observed to (core/liveAnswers.ts). */
export const ANSWER_MODES = ['docs', 'live'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** --upstream: an http(s) URL without credentials, query or fragment, kept without a trailing slash. */
const upstreamUrl: Parser<string> = (v) => {
  const expected = 'an http:// or https:// URL without credentials, query or fragment';
  if (typeof v !== 'string') return { ok: false, expected };
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { ok: false, expected };
  }
  const plain = url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  if (!plain || (url.protocol !== 'http:' && url.protocol !== 'https:')) return { ok: false, expected };
  return { ok: true, value: url.href.replace(/\/+$/, '') };
};

export const DEV_SECRET = 'tga-mock-development-secret';

type Kind = 'int' | 'string' | 'file' | 'bool' | 'bytes' | 'json' | 'list' | 'url';

// A mock row: its env variable is TGA_MOCK_<KEY>, its arity and value name follow from its kind.
// Typed like cli-kit's option(): the key, the parser's type and whether there is a default.
function spec<const K extends string, T>(
  key: K,
  kind: Kind,
  def: NoInfer<T>,
  parse: Parser<T>,
  help: string,
): DefaultedSpec<K, T>;
function spec<const K extends string, T>(
  key: K,
  kind: Kind,
  def: undefined,
  parse: Parser<T>,
  help: string,
): OptionSpec<K, T>;
function spec(key: string, kind: Kind, def: unknown, parse: Parser, help: string): OptionSpec {
  const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const valueName = {
    int: 'N',
    string: 'TEXT',
    file: 'FILE',
    bool: '',
    bytes: 'BYTES',
    json: 'JSON',
    list: 'A,B',
    url: 'URL',
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
}

/** The token signing secret: also `tga-mock token`'s, so the two agree (flag > env > this default). */
export const SECRET_OPTION = spec(
  'secret',
  'string',
  DEV_SECRET,
  str,
  'token signing secret (the default is public: a warning is printed)',
);

/**
 * Every option: flag, env variable, default, parser, help; MockOptions is derived from it.
 * docs/mock-server.md's table mirrors this one.
 */
export const OPTION_TABLE = [
  spec('port', 'int', 8787, int(0, 65535), 'port to listen on; 0 picks a free port'),
  spec('host', 'string', '127.0.0.1', str, 'address to listen on (0.0.0.0 or :: = every interface)'),
  spec('tlsCert', 'file', undefined, str, 'serve HTTPS with this PEM certificate (chain); needs --tls-key'),
  spec('tlsKey', 'file', undefined, str, 'the PEM private key of --tls-cert'),
  SECRET_OPTION,
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
  spec(
    'answers',
    'string',
    'docs',
    oneOf(ANSWER_MODES),
    'docs: answer as the docs page says; live: as the live service was seen to (202, validation reports, ACAO *)',
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
  spec(
    'upstream',
    'url',
    undefined,
    upstreamUrl,
    "a validating proxy: forward the SDK's routes to this URL, check the request and the upstream's answer",
  ),
  spec('upstreamTimeout', 'int', 10_000, int(1, 600_000), 'ms the upstream has to answer (then 504)'),
  spec('config', 'string', undefined, str, 'JSON file with any of these options (camelCase or flag names)'),
] as const;

/** The mock's options, as the table's parsers give them (each option's meaning is its help). */
export type MockOptions = OptionValues<typeof OPTION_TABLE>;

export const DEFAULT_OPTIONS: Readonly<MockOptions> = Object.freeze(defaults(OPTION_TABLE));

/** The command line: `tga-mock [options]` and its `token` command; --help is generated from it. */
export const MOCK_CLI: CliSpec<typeof OPTION_TABLE> = {
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
  // Read before the layers it is one of (flags and env give strings; overrides are typed).
  const configRaw = input.overrides?.config ?? flags.config ?? envValues.config;
  const configPath = typeof configRaw === 'string' ? configRaw : undefined;
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
  if (options.journalFileRequired && options.journalFile === undefined)
    return { ok: false, error: 'journal-file-required: needs --journal-file FILE' };
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined))
    return {
      ok: false,
      error: `--tls-cert and --tls-key go together: ${options.tlsCert === undefined ? '--tls-cert' : '--tls-key'} is missing`,
    };
  if (options.upstream !== undefined && options.answers === 'live')
    return {
      ok: false,
      error: "--upstream returns the upstream's own answers: --answers live does not apply",
    };
  const warnings =
    options.secret === DEV_SECRET
      ? ['using the public development secret: set --secret or TGA_MOCK_SECRET']
      : [];
  return { ok: true, options: Object.freeze(options), warnings };
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
