import { DEFAULTS, resolveOptions } from './options';

const payload = Buffer.from(
  JSON.stringify({ app_name: 'docs', app_url: 'https://t.me/x', app_domain: 'http://localhost' }),
).toString('base64');
const TOKEN = `${payload}!${Buffer.alloc(32, 7).toString('base64')}`;

function run(argv: string[], env: Record<string, string> = {}) {
  const r = resolveOptions(argv, env);
  if (!r.ok || r.command !== 'run') throw new Error(`expected a run, got ${JSON.stringify(r)}`);
  return r.options;
}

describe('resolveOptions', () => {
  test('with no flags and no env it names what is missing', () => {
    expect(resolveOptions([], {})).toEqual({
      ok: false,
      error: 'missing --base-url (or TGA_BASE_URL) and --token (or TGA_TOKEN)',
    });
  });

  test('flags win over env; origin defaults to the token app_domain; defaults come from DEFAULTS', () => {
    const o = run(['--base-url', 'http://127.0.0.1:1/'], {
      TGA_BASE_URL: 'http://ignored',
      TGA_TOKEN: TOKEN,
    });
    expect(o).toMatchObject({
      baseUrl: 'http://127.0.0.1:1',
      token: TOKEN,
      origin: 'http://localhost',
      maxWrites: DEFAULTS.maxWrites,
      probeRateLimit: 0,
      checks: null,
      skipChecks: [],
    });
    expect(run([], { TGA_BASE_URL: 'http://h', TGA_TOKEN: TOKEN, TGA_ORIGIN: 'https://o' }).origin).toBe(
      'https://o',
    );
  });

  test('lists, numbers, --flag=value and the optional count of --probe-rate-limit', () => {
    const o = run([
      `--token=${TOKEN}`,
      '--base-url=http://h/api',
      '--checks',
      'response, negative.missing',
      '--seed',
      '42',
      '--max-writes',
      '0',
      '--probe-rate-limit',
    ]);
    expect(o).toMatchObject({
      baseUrl: 'http://h/api',
      checks: ['response', 'negative.missing'],
      seed: 42,
      maxWrites: 0,
    });
    expect(o.probeRateLimit).toBe(DEFAULTS.probeRateLimit);
    expect(run(['--base-url', 'http://h', '--token', TOKEN, '--probe-rate-limit', '7']).probeRateLimit).toBe(
      7,
    );
  });

  test.each([
    [['--base-url', 'ftp://h', '--token', TOKEN], /http\(s\)/],
    [['--base-url', 'not a url', '--token', TOKEN], /not a URL/],
    [['--base-url', 'http://h', '--token', 'abc'], /not a TGA token/],
    [['--base-url', 'http://h', '--token', TOKEN, '--seed', '-1'], /--seed/],
    [['--base-url', 'http://h', '--token', TOKEN, '--max-writes', 'many'], /--max-writes/],
    [['--base-url', 'http://h', '--token', TOKEN, '--bogus'], /unknown flag --bogus/],
    [['--base-url', 'http://h', '--token'], /--token needs a value/],
    [['--base-url', 'http://h', '--base-url', 'http://i', '--token', TOKEN], /given twice/],
    [['stray'], /unexpected argument/],
  ])('%j is a usage error', (argv, message) => {
    const r = resolveOptions(argv, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  test('help and list need nothing else', () => {
    expect(resolveOptions(['--help'], {})).toEqual({ ok: true, command: 'help' });
    expect(resolveOptions(['--list'], {})).toEqual({ ok: true, command: 'list' });
  });
});
