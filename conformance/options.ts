// The one options resolver of the CLI: flags, then env, then defaults (all defaults live in
// DEFAULTS). Anything malformed is a usage error (exit 2) rather than a silently different run.
import { randomBytes, randomInt } from 'node:crypto';
import { parseToken } from './token';

export const DEFAULTS = Object.freeze({
  maxWrites: 50,
  timeoutMs: 5000,
  /** Requests the real-server 429 probe may send when --probe-rate-limit has no number. */
  probeRateLimit: 100,
});

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
  probeRateLimit: number;
  timeoutMs: number;
  runId: string;
}

export type ResolvedCommand =
  | { ok: true; command: 'run'; options: ConformanceOptions }
  | { ok: true; command: 'help' | 'list' }
  | { ok: false; error: string };

type Env = Record<string, string | undefined>;

const VALUE_FLAGS = [
  'base-url',
  'token',
  'origin',
  'checks',
  'skip-checks',
  'seed',
  'max-writes',
  'report-json',
  'junit',
  'timeout',
  'run-id',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function splitArgs(argv: string[]): { values: Map<string, string>; switches: Set<string>; error?: string } {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { values, switches: new Set(['help']) };
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m) return { values, switches, error: `unexpected argument "${arg}"` };
    const [, name, inline] = m;
    if (name === 'list' || name === 'probe-rate-limit') {
      // --probe-rate-limit takes an optional count: --probe-rate-limit=N or --probe-rate-limit N.
      const next = argv[i + 1];
      if (name === 'probe-rate-limit' && inline === undefined && next !== undefined && /^\d+$/.test(next)) {
        values.set(name, next);
        i++;
      } else if (inline !== undefined) values.set(name, inline);
      switches.add(name);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name))
      return { values, switches, error: `unknown flag --${name}` };
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return { values, switches, error: `--${name} needs a value` };
    }
    if (values.has(name)) return { values, switches, error: `--${name} given twice` };
    values.set(name, value);
  }
  return { values, switches };
}

function positiveInt(name: string, raw: string, min: number): number | string {
  if (!/^\d+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    return `--${name} must be an integer >= ${min}, got "${raw}"`;
  }
  return Number(raw);
}

function list(raw: string | undefined): string[] | null {
  if (raw === undefined) return null;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function resolveOptions(argv: string[], env: Env): ResolvedCommand {
  const { values, switches, error } = splitArgs(argv);
  if (error) return { ok: false, error };
  if (switches.has('help')) return { ok: true, command: 'help' };
  if (switches.has('list')) return { ok: true, command: 'list' };
  const get = (flag: ValueFlag, envName?: string) => values.get(flag) ?? (envName ? env[envName] : undefined);

  const baseUrl = get('base-url', 'TGA_BASE_URL');
  const token = get('token', 'TGA_TOKEN');
  const missing = [!baseUrl && '--base-url (or TGA_BASE_URL)', !token && '--token (or TGA_TOKEN)'].filter(
    Boolean,
  );
  if (missing.length) return { ok: false, error: `missing ${missing.join(' and ')}` };

  let url: URL;
  try {
    url = new URL(baseUrl!);
  } catch {
    return { ok: false, error: `--base-url is not a URL: "${baseUrl}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, error: '--base-url must be http(s)' };
  const parsed = parseToken(token!);
  if (!parsed.ok) return { ok: false, error: `--token is not a TGA token: ${parsed.error}` };

  const numbers: Record<string, number> = {};
  const numberFlags: [string, string | undefined, number, number][] = [
    ['seed', values.get('seed'), 0, randomInt(0, 2 ** 31 - 1)],
    ['max-writes', values.get('max-writes'), 0, DEFAULTS.maxWrites],
    ['timeout', values.get('timeout'), 1, DEFAULTS.timeoutMs],
    ['probe-rate-limit', values.get('probe-rate-limit'), 1, DEFAULTS.probeRateLimit],
  ];
  for (const [name, raw, min, fallback] of numberFlags) {
    const n = raw === undefined ? fallback : positiveInt(name, raw, min);
    if (typeof n === 'string') return { ok: false, error: n };
    numbers[name] = n;
  }
  if (numbers.seed > 2 ** 31 - 1) return { ok: false, error: '--seed must be below 2^31' };

  return {
    ok: true,
    command: 'run',
    options: Object.freeze({
      baseUrl: url.href.replace(/\/+$/, ''),
      token: token!,
      origin: get('origin', 'TGA_ORIGIN') ?? parsed.payload.app_domain,
      checks: list(values.get('checks')),
      skipChecks: list(values.get('skip-checks')) ?? [],
      seed: numbers.seed,
      maxWrites: numbers['max-writes'],
      reportJson: values.get('report-json') ?? null,
      junit: values.get('junit') ?? null,
      probeRateLimit: switches.has('probe-rate-limit') ? numbers['probe-rate-limit'] : 0,
      timeoutMs: numbers.timeout,
      runId: values.get('run-id') ?? `tgac-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    }),
  };
}
