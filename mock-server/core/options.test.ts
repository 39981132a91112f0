import { DEFAULT_OPTIONS, DEV_SECRET, OPTION_TABLE, publicOptions, resolveOptions, usage } from './options';

const ok = (input: Parameters<typeof resolveOptions>[0]) => {
  const r = resolveOptions(input);
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe('options resolver', () => {
  test('defaults, with a warning about the public development secret', () => {
    const r = ok({});
    expect(r.options).toEqual(DEFAULT_OPTIONS);
    expect(r.options).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      rateLimit: 600,
      rateWindow: 60,
      journalCap: 10_000,
    });
    expect(r.options.bodyLimit).toBe(1024 * 1024);
    expect(r.options.threshold).toEqual({ 'app-hide': 3 });
    expect(r.options.secret).toBe(DEV_SECRET);
    expect(r.warnings).toHaveLength(1);
    expect(ok({ overrides: { secret: 'x' } }).warnings).toEqual([]);
  });

  test('config file < env < flags < overrides', () => {
    const files: Record<string, string> = {
      'c.json': JSON.stringify({ port: 1, 'rate-limit': 5, host: '::1', strict: true }),
    };
    const r = ok({
      argv: ['--config', 'c.json', '--port', '3'],
      env: { TGA_MOCK_PORT: '2', TGA_MOCK_RATE_LIMIT: '7', TGA_MOCK_BODY_LIMIT: '512kb' },
      readFile: (p) => files[p],
    });
    expect(r.options).toMatchObject({
      port: 3,
      rateLimit: 7,
      host: '::1',
      strict: true,
      bodyLimit: 512 * 1024,
    });
    expect(ok({ argv: ['--port', '3'], overrides: { port: 0 } }).options.port).toBe(0);
  });

  test('flags of every kind', () => {
    const r = ok({
      argv: [
        '--strict',
        '--require-origin',
        '--threshold',
        '{"app-hide":1,"app-init":2}',
        '--log-level',
        'silent',
        '--admin-token',
        't',
      ],
    });
    expect(r.options).toMatchObject({
      strict: true,
      requireOrigin: true,
      threshold: { 'app-hide': 1, 'app-init': 2 },
      logLevel: 'silent',
      adminToken: 't',
    });
  });

  test.each([
    [{ argv: ['--port', '70000'] }, '--port must be an integer from 0 to 65535'],
    [{ argv: ['--port', 'abc'] }, '--port'],
    [{ argv: ['--bogus'] }, 'bogus'],
    [{ argv: ['--rate-limit', '-1'] }, '--rate-limit'],
    [{ argv: ['--log-level', 'loud'] }, '--log-level'],
    [{ argv: ['--threshold', '[1]'] }, '--threshold'],
    [{ argv: ['--body-limit', '0'] }, '--body-limit'],
    [{ argv: ['stray'] }, 'stray'],
    [{ env: { TGA_MOCK_STRICT: 'maybe' } }, 'TGA_MOCK_STRICT'],
    [{ argv: ['--config', 'c.json'], readFile: () => '{"prot": 1}' }, 'unknown option "prot"'],
    [{ argv: ['--config', 'c.json'], readFile: () => '{' }, 'JSON'],
    [
      {
        argv: ['--config', 'c.json'],
        readFile: () => {
          throw new Error('ENOENT: no such file');
        },
      },
      'ENOENT',
    ],
  ])('%j is an error mentioning %s', (input, text) => {
    const r = resolveOptions(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(text);
  });

  test('publicOptions leaves the secrets out', () => {
    const shown = JSON.stringify(
      publicOptions(ok({ overrides: { secret: 'SEKRIT', adminToken: 'ADMIN' } }).options),
    );
    expect(shown).not.toContain('SEKRIT');
    expect(shown).not.toContain('ADMIN');
  });

  test('usage lists every flag and env variable', () => {
    for (const o of OPTION_TABLE) {
      expect(usage()).toContain(o.flag);
      expect(usage()).toContain(o.env);
    }
  });
});

test('--allowed-hosts: a comma list from flags, the environment or a config array; none by default', () => {
  expect(ok({}).options.allowedHosts).toBeUndefined();
  expect(ok({ argv: ['--allowed-hosts', 'mock, .dev.example'] }).options.allowedHosts).toEqual([
    'mock',
    '.dev.example',
  ]);
  expect(ok({ env: { TGA_MOCK_ALLOWED_HOSTS: 'a,b' } }).options.allowedHosts).toEqual(['a', 'b']);
  expect(
    ok({ argv: ['--config', 'c.json'], readFile: () => '{"allowed-hosts":["x"]}' }).options.allowedHosts,
  ).toEqual(['x']);
});
