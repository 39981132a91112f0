// The command line of `tga-conformance`: one table row per flag (its environment variable,
// default, value name, parser and help), read through the shared cli-kit helper, which also
// generates --help and answers --version. The checks the table cannot express (--base-url and
// --token are required; an opaque token needs --app-name and --origin) follow in readConformanceCommand. Anything
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
import { DEFAULT_PROFILE, PROFILES, type Profile } from '../run/bases';

export { PROFILES, type Profile } from '../run/bases';

/** The run's options: the table's values with the absent ones filled in (null = not given). */
export interface ConformanceOptions {
  baseUrl: string;
  token: string;
  /** The token's app: from its payload, or --app-name for an opaque token (whose format the probe notes). */
  appName: string;
  /** --invalid-token: a well-formed token the server refuses as invalid. */
  invalidToken: string | null;
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
  /** Which bases fail the run (run/bases.ts): `docs` only docs, `sdk` docs and sdk, `strict` all. */
  profile: Profile;
  /** Any skip other than "mock-only against a non-mock" or "probe not asked for" fails the run. */
  failOnSkip: boolean;
  /** At least this many of the 8 documented responses must be observed, or the run fails. */
  minCoverage: number;
  /** Sent as TGA-Mock-Admin-Token on the mock's control API. */
  adminToken: string | null;
}

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
      help: 'one valid token; every bad token the checks send is derived from it (required; may be opaque)',
    }),
    option({
      key: 'appName',
      valueName: 'NAME',
      env: 'TGA_APP_NAME',
      parse: str,
      defaultText: "the token's app_name",
      help: "the token's app (required when the token is opaque)",
    }),
    option({
      key: 'invalidToken',
      valueName: 'T',
      env: 'TGA_INVALID_TOKEN',
      parse: str,
      help: 'a well-formed token the server refuses as invalid (an opaque token has no forgeries)',
    }),
    option({
      key: 'origin',
      valueName: 'ORIGIN',
      env: 'TGA_ORIGIN',
      parse: str,
      defaultText: "the token's app_domain",
      help: 'Origin header of every request (required when the token is opaque)',
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
      default: DEFAULT_PROFILE,
      parse: oneOf(PROFILES),
      help: 'docs: only what the docs page states fails; sdk: also what the official SDK needs; strict: everything, observed answers too',
    }),
    option({
      key: 'failOnSkip',
      arity: 'switch',
      default: false,
      parse: bool,
      help: 'fail the run on any skip but "mock-only against a non-mock", "probe not asked for" and a check the profile only warns on',
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
  const claims = decoded.ok ? decoded.token.claims : null;
  if (claims && v.appName !== undefined && v.appName !== claims.app_name)
    return {
      kind: 'error',
      error: `--app-name ${v.appName} is not the token's app_name (${claims.app_name})`,
    };
  if (!claims && (!v.appName || !v.origin)) {
    const missing = [!v.appName && '--app-name NAME', !v.origin && '--origin ORIGIN'].filter(Boolean);
    return {
      kind: 'error',
      error:
        `--token is not a TGA token: ${decoded.ok ? '' : decoded.error}; an opaque token is fine, but the ` +
        `suite cannot read its app: give ${missing.join(' and ')} (the app the token is for and its domain); ` +
        'add --invalid-token T to check the refusal of an invalid token (see docs/conformance.md)',
    };
  }

  return {
    kind: 'run',
    options: Object.freeze({
      baseUrl: v.baseUrl,
      token: v.token,
      appName: claims?.app_name ?? v.appName ?? '',
      invalidToken: v.invalidToken ?? null,
      origin: v.origin ?? claims?.app_domain ?? '',
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
