import { helpText } from '../../cli-kit';
import { encodeClaims, joinToken } from '../../schema/token';
import { CONFORMANCE_CLI, readConformanceCommand, type ConformanceOptions } from './options';

const TOKEN = joinToken(
  encodeClaims({ app_name: 'docs', app_url: 'https://t.me/x', app_domain: 'http://localhost' }),
  Buffer.alloc(32, 7),
);
const BASE = ['--base-url', 'http://h', '--token', TOKEN];
const row = (key: string) => CONFORMANCE_CLI.table.find((o) => o.key === key)!;

function options(argv: string[], env: Record<string, string> = {}): ConformanceOptions {
  const c = readConformanceCommand(argv, env);
  if (c.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(c)}`);
  return c.options;
}

describe('the option table', () => {
  test.each([
    ['baseUrl', '--base-url URL', 'TGA_BASE_URL', undefined],
    ['token', '--token TOKEN', 'TGA_TOKEN', undefined],
    ['origin', '--origin ORIGIN', 'TGA_ORIGIN', "the token's app_domain"],
    ['checks', '--checks A,B', undefined, undefined],
    ['skipChecks', '--skip-checks A,B', undefined, undefined],
    ['seed', '--seed N', undefined, 'random, printed'],
    ['maxWrites', '--max-writes N', undefined, 50],
    ['probeRateLimit', '--probe-rate-limit [N]', undefined, 'off'],
    ['reportJson', '--report-json PATH', undefined, undefined],
    ['junit', '--junit PATH', undefined, undefined],
    ['timeoutMs', '--timeout MS', undefined, 5000],
    ['runId', '--run-id ID', undefined, 'generated'],
    ['list', '--list', undefined, undefined],
  ])('%s: %s, env %s, default %j', (key, usage, env, def) => {
    const o = row(key);
    const shown =
      o.arity === 'switch'
        ? o.flag
        : o.arity === 'optional'
          ? `${o.flag} [${o.valueName}]`
          : `${o.flag} ${o.valueName}`;
    expect([shown, o.env, o.defaultText ?? o.default]).toEqual([usage, env, def]);
  });

  test('the rows are exactly the fields of the options, and the --list command', () => {
    expect(CONFORMANCE_CLI.table.map((o) => o.key).sort()).toEqual(
      [...Object.keys(options(BASE)), 'list'].sort(),
    );
  });

  test('--help is generated from the table, defaults and env variables included', () => {
    const help = helpText(CONFORMANCE_CLI);
    expect(help).toMatch(/^Usage: tga-conformance --base-url URL --token TOKEN \[options\]$/m);
    expect(help).toMatch(
      /^ {2}--max-writes N +at most N events may be accepted by the server \(default: 50\)$/m,
    );
    expect(help).toMatch(/--base-url URL +.*\[env TGA_BASE_URL\]$/m);
    expect(help).toMatch(/--probe-rate-limit \[N\]/);
    expect(help).toContain('(default: random, printed)');
    expect(help).toMatch(/^ {2}--version/m);
    expect(help).toContain('Exit code: 0 every applicable check passed');
  });
});

describe('readConformanceCommand', () => {
  test('with no flags and no env it names what is missing', () => {
    expect(readConformanceCommand([], {})).toEqual({
      kind: 'error',
      error: 'missing --base-url (or TGA_BASE_URL) and --token (or TGA_TOKEN)',
    });
  });

  test('flags win over env; origin defaults to the token app_domain; defaults come from the table', () => {
    const o = options(['--base-url', 'http://127.0.0.1:1/'], {
      TGA_BASE_URL: 'http://ignored',
      TGA_TOKEN: TOKEN,
    });
    expect(o).toMatchObject({
      baseUrl: 'http://127.0.0.1:1',
      token: TOKEN,
      origin: 'http://localhost',
      maxWrites: row('maxWrites').default,
      timeoutMs: row('timeoutMs').default,
      probeRateLimit: 0,
      checks: null,
      skipChecks: [],
      reportJson: null,
      junit: null,
    });
    expect(o.seed).toBeGreaterThanOrEqual(0);
    expect(o.seed).toBeLessThan(2 ** 31);
    expect(o.runId).toMatch(/^tgac-/);
    expect(options([], { TGA_BASE_URL: 'http://h', TGA_TOKEN: TOKEN, TGA_ORIGIN: 'https://o' }).origin).toBe(
      'https://o',
    );
  });

  test.each([
    [['--probe-rate-limit'], 100],
    [['--probe-rate-limit', '7'], 7],
    [['--probe-rate-limit=8'], 8],
    [['--probe-rate-limit', '--seed', '1'], 100],
    [[], 0],
  ])('--probe-rate-limit: %j → %d', (argv, n) => {
    expect(options([...BASE, ...argv]).probeRateLimit).toBe(n);
  });

  test('lists, numbers and --flag=value', () => {
    const o = options([
      `--token=${TOKEN}`,
      '--base-url=http://h/api',
      '--checks',
      'response, negative.missing',
      '--skip-checks',
      'mock',
      '--seed',
      '42',
      '--max-writes',
      '0',
      '--timeout',
      '9',
      '--run-id',
      'r1',
      '--report-json',
      'r.json',
      '--junit',
      'j.xml',
    ]);
    expect(o).toMatchObject({
      baseUrl: 'http://h/api',
      checks: ['response', 'negative.missing'],
      skipChecks: ['mock'],
      seed: 42,
      maxWrites: 0,
      timeoutMs: 9,
      runId: 'r1',
      reportJson: 'r.json',
      junit: 'j.xml',
    });
    expect(options([...BASE, '--seed', String(2 ** 31 - 1)]).seed).toBe(2 ** 31 - 1);
  });

  test.each<[string[], string, Record<string, string>?]>([
    [['--base-url', 'ftp://h', '--token', TOKEN], '--base-url must be an http(s) URL (got "ftp://h")'],
    [['--base-url', 'not a url', '--token', TOKEN], '--base-url must be an http(s) URL'],
    [['--token', TOKEN], 'environment: TGA_BASE_URL must be an http(s) URL', { TGA_BASE_URL: 'h' }],
    [['--base-url', 'http://h', '--token', 'abc'], '--token is not a TGA token: a token is'],
    [[...BASE, '--seed', '-1'], '--seed must be an integer from 0 to 2147483647'],
    [[...BASE, '--seed', String(2 ** 31)], '--seed must be an integer from 0 to 2147483647'],
    [[...BASE, '--max-writes', 'many'], '--max-writes must be an integer from 0'],
    [[...BASE, '--timeout', '0'], '--timeout must be an integer from 1'],
    [[...BASE, '--probe-rate-limit=0'], '--probe-rate-limit must be an integer from 1'],
    [[...BASE, '--bogus'], 'unknown flag --bogus'],
    [['--base-url', 'http://h', '--token'], '--token needs a value'],
    [['--base-url', 'http://h', '--base-url', 'http://i', '--token', TOKEN], '--base-url given twice'],
    [['stray'], 'unexpected argument "stray"'],
  ])('%j is a usage error: %s', (argv, message, env = {}) => {
    const c = readConformanceCommand(argv, env);
    expect(c.kind).toBe('error');
    expect(c.kind === 'error' && c.error).toContain(message);
  });

  test('a bad token is never repeated in the error', () => {
    const bad = `${TOKEN}x`;
    const c = readConformanceCommand(['--base-url', 'http://h', '--token', bad], {});
    expect(c.kind === 'error' && c.error).not.toContain(bad);
  });

  test.each([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['--version'], 'version'],
    [['--list'], 'list'],
    [['--bogus', '1', '--help'], 'error'],
    [['--seed', 'x', '--help'], 'help'],
  ])('%j needs nothing else: %s', (argv, kind) => {
    expect(readConformanceCommand(argv, {}).kind).toBe(kind);
  });
});
