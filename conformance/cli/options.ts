// The command line of `tga-conformance`: one table row per flag (its environment variable,
// default, value name, parser and help), read through the shared cli-kit helper, which also
// generates --help and answers --version. The checks the table cannot express (the token must
// decode, --base-url and --token are required) follow in readConformanceCommand. Anything
// malformed is a usage error (exit 2) rather than a silently different run.
import { randomBytes, randomInt } from 'node:crypto';
import {
  bool,
  int,
  list,
  oneOf,
  option,
  readCommandLine,
  str,
  type CliSpec,
  type Parser,
} from '../../cli-kit';
import { decodeToken } from '../../schema/token';

/** The run's options: the table's values with the absent ones filled in (null = not given). */
export interface ConformanceOptions {
  baseUrl: string;
  token: string;
  origin: string;
  checks: string[] | null;
  skipChecks: string[];
  seed: number;
  maxWrites: number;
  reportJson: string | null;
  junit: string | null;
  /** Requests the real-server 429 probe may send; 0 = not asked for. */
  probeRateLimit: number;
  timeoutMs: number;
  runId: string;
  /** `docs`: checks resting on undocumented fields or behaviour are warnings; `strict`: they fail the run. */
  profile: Profile;
  /** Any skip other than "mock-only against a non-mock" or "probe not asked for" fails the run. */
  failOnSkip: boolean;
  /** At least this many of the 8 documented responses must be observed, or the run fails. */
  minCoverage: number;
  /** Sent as TGA-Mock-Admin-Token on the mock's control API. */
  adminToken: string | null;
}

export const PROFILES = ['docs', 'strict'] as const;
export type Profile = (typeof PROFILES)[number];

/** Seeds are below 2^31, so every seed prints and reads back as a plain integer. */
const MAX_SEED = 2 ** 31 - 1;

/** An http(s) URL, without trailing slashes (requests go to `<URL>/events`). */
const httpUrl: Parser<string> = (v) => {
  const url = typeof v === 'string' && URL.canParse(v) ? new URL(v) : null;
  return url && (url.protocol === 'http:' || url.protocol === 'https:')
    ? { ok: true, value: url.href.replace(/\/+$/, '') }
    : { ok: false, expected: 'an http(s) URL' };
};

/** Every flag of tga-conformance; --help is generated from this table, the options' types from its parsers. */
export const CONFORMANCE_CLI = {
  name: 'tga-conformance',
  synopsis: ['--base-url URL --token TOKEN [options]', '--list'],
  summary:
    "Checks a server's POST /events against the documented Telegram Mini Apps analytics API.\n" +
    'A flag wins over its environment variable (shown in brackets).',
  table: [
    option({
      key: 'baseUrl',
      valueName: 'URL',
      env: 'TGA_BASE_URL',
      parse: httpUrl,
      help: 'the server; requests go to URL/events (required)',
    }),
    option({
      key: 'token',
      valueName: 'TOKEN',
      env: 'TGA_TOKEN',
      parse: str,
      help: 'one valid token; every bad token the checks send is derived from it (required)',
    }),
    option({
      key: 'origin',
      valueName: 'ORIGIN',
      env: 'TGA_ORIGIN',
      parse: str,
      defaultText: "the token's app_domain",
      help: 'Origin header of every request',
    }),
    option({
      key: 'checks',
      valueName: 'A,B',
      parse: list,
      help: 'run only these checks (names or prefixes; * matches anything)',
    }),
    option({ key: 'skipChecks', valueName: 'A,B', parse: list, help: 'skip these checks (same patterns)' }),
    option({
      key: 'seed',
      valueName: 'N',
      parse: int(0, MAX_SEED),
      defaultText: 'random, printed',
      help: 'seed of the generated events (reuse it to reproduce a run)',
    }),
    option({
      key: 'maxWrites',
      valueName: 'N',
      default: 50,
      parse: int(0),
      help: 'at most N events may be accepted by the server',
    }),
    option({
      key: 'probeRateLimit',
      arity: 'optional',
      valueName: 'N',
      default: 0,
      defaultText: 'off',
      bareValue: 100,
      optionalValue: /^\d+$/,
      parse: int(1),
      help: 'provoke 429 on a real server with at most N requests, 100 when N is not given',
    }),
    option({ key: 'reportJson', valueName: 'PATH', parse: str, help: 'write the full report as JSON' }),
    option({ key: 'junit', valueName: 'PATH', parse: str, help: 'write JUnit XML (one testcase per check)' }),
    option({
      key: 'timeoutMs',
      flag: '--timeout',
      valueName: 'MS',
      default: 5000,
      parse: int(1),
      help: 'per-request timeout',
    }),
    option({
      key: 'runId',
      valueName: 'ID',
      parse: str,
      defaultText: 'generated',
      help: 'tag of the sent events (custom_data.conformance_run)',
    }),
    option({
      key: 'profile',
      valueName: 'NAME',
      default: 'docs',
      parse: oneOf(PROFILES),
      help: 'docs: checks resting on undocumented fields or behaviour warn; strict: they fail the run',
    }),
    option({
      key: 'failOnSkip',
      arity: 'switch',
      default: false,
      parse: bool,
      help: 'fail the run on any skip but "mock-only against a non-mock", "probe not asked for" and (profile docs) a warning\'s',
    }),
    option({
      key: 'minCoverage',
      valueName: 'N',
      default: 0,
      parse: int(0, 8),
      help: 'fail the run unless at least N of the 8 documented responses were observed',
    }),
    option({
      key: 'adminToken',
      valueName: 'TOKEN',
      env: 'TGA_ADMIN_TOKEN',
      parse: str,
      help: "the mock's --admin-token, sent as TGA-Mock-Admin-Token on its control API",
    }),
    option({ key: 'list', arity: 'switch', parse: bool, help: 'list the checks and exit' }),
  ],
  notes: [
    'Exit code: 0 every applicable check passed (warnings allowed), 1 a check failed or a gate\n' +
      '(--fail-on-skip, --min-coverage) was not met, 2 bad usage, target unreachable or stopped answering.\n' +
      'Every event sent carries custom_data.conformance_run = the run id.',
  ],
} satisfies CliSpec;

export type ConformanceCommand =
  | { kind: 'run'; options: ConformanceOptions }
  | { kind: 'help' | 'version' | 'list' }
  | { kind: 'error'; error: string };

/** The command a command line asks for: flags, then the environment, then the table's defaults. */
export function readConformanceCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): ConformanceCommand {
  const line = readCommandLine(CONFORMANCE_CLI, argv, env);
  if (line.kind !== 'run') return line;
  const v = line.values;
  if (v.list) return { kind: 'list' };

  if (!v.baseUrl || !v.token) {
    const missing = [!v.baseUrl && '--base-url (or TGA_BASE_URL)', !v.token && '--token (or TGA_TOKEN)'];
    return { kind: 'error', error: `missing ${missing.filter(Boolean).join(' and ')}` };
  }
  // Checked here rather than by a parser: a parser's error repeats the value, and this one is a secret.
  const decoded = decodeToken(v.token);
  if (!decoded.ok) return { kind: 'error', error: `--token is not a TGA token: ${decoded.error}` };

  return {
    kind: 'run',
    options: Object.freeze({
      baseUrl: v.baseUrl,
      token: v.token,
      origin: v.origin ?? decoded.token.claims.app_domain,
      checks: v.checks ?? null,
      skipChecks: v.skipChecks ?? [],
      seed: v.seed ?? randomInt(0, MAX_SEED),
      maxWrites: v.maxWrites,
      reportJson: v.reportJson ?? null,
      junit: v.junit ?? null,
      probeRateLimit: v.probeRateLimit,
      timeoutMs: v.timeoutMs,
      runId: v.runId ?? `tgac-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
      profile: v.profile,
      failOnSkip: v.failOnSkip,
      minCoverage: v.minCoverage,
      adminToken: v.adminToken ?? null,
    }),
  };
}
