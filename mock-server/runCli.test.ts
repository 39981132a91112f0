import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { mustDecodeToken } from '../schema/token';
import { verifyToken } from './core/tokenSignature';
import { GOOD_JSON } from './test-support/fixtures';
import pkg from '../package.json';
import { runCli, type CliIo, type CliResult } from './runCli';
import { helpText } from '../cli-kit';
import { MOCK_CLI, OPTION_TABLE } from './core/options';
import { documentedResponse } from '../schema';

function io(env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '', log: '' };
  const capture: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    env,
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: no such file ${p}`);
      return files[p];
    },
    logStream: new Writable({
      write(chunk, _enc, cb) {
        out.log += String(chunk);
        cb();
      },
    }),
  };
  return { capture, out };
}

const exitOf = (r: CliResult) => r.exit;

describe('tga-mock: bad flags, env and config exit 2 with a clear message', () => {
  test.each([
    [['--port', 'eighty'], {}, '--port must be'],
    [['--prot', '1'], {}, 'tga-mock: unknown flag --prot; did you mean --port? (see tga-mock --help)\n'],
    [['--port', '1', '--port', '2'], {}, '--port given twice'],
    [['--port'], {}, '--port needs a value'],
    [['--rate-limit', '-5'], {}, '--rate-limit'],
    [['--threshold', '{oops'], {}, '--threshold'],
    [['--log-level', 'chatty'], {}, '--log-level'],
    [[], { TGA_MOCK_JOURNAL_CAP: 'lots' }, 'TGA_MOCK_JOURNAL_CAP'],
    [['--config', 'missing.json'], {}, 'ENOENT'],
    [['--journal-file', '/nonexistent-dir/x.jsonl', '--port', '0'], {}, 'ENOENT'],
  ])('%j %j', async (argv, env, message) => {
    const { capture, out } = io(env);
    expect(exitOf(await runCli(argv, capture))).toBe(2);
    expect(out.stderr).toContain(message);
    // One line naming the problem (warnings aside), no help dump.
    expect(out.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toHaveLength(1);
    expect(out.stdout).toBe('');
  });

  test('a bad config file value names the file', async () => {
    const { capture, out } = io({}, { 'c.json': '{"port": "x"}' });
    expect(exitOf(await runCli(['--config', 'c.json'], capture))).toBe(2);
    expect(out.stderr).toContain('config c.json: port must be');
  });

  test('--help is generated from the option table: every flag, env variable and default', async () => {
    const { capture, out } = io();
    expect(exitOf(await runCli(['--help'], capture))).toBe(0);
    expect(out.stdout).toBe(`${helpText(MOCK_CLI)}\n`);
    for (const o of OPTION_TABLE) {
      const line = out.stdout.split('\n').find((l) => l.includes(o.flag))!;
      expect(out.stdout).toContain(`[env ${o.env}]`);
      if (o.default !== undefined && o.arity !== 'switch') expect(out.stdout).toContain('(default: ');
      expect(line).toBeDefined();
    }
    expect(out.stdout).toContain('--version');
  });

  test('--version prints the package version', async () => {
    const { capture, out } = io();
    expect(exitOf(await runCli(['--version'], capture))).toBe(0);
    expect(out.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('tga-mock token', () => {
  test('prints only the token, signed with --secret, else TGA_MOCK_SECRET', async () => {
    const { capture, out } = io({ TGA_MOCK_SECRET: 'from-env' });
    await runCli(
      [
        'token',
        '--app-name',
        'shop',
        '--app-domain',
        'https://shop.example',
        '--app-url',
        'https://t.me/shop_bot',
      ],
      capture,
    );
    expect(out.stdout).toMatch(/^[A-Za-z0-9+/=]+![A-Za-z0-9+/=]+\n$/);
    const parsed = mustDecodeToken(out.stdout.trim());
    expect(parsed.claims).toEqual({
      app_name: 'shop',
      app_url: 'https://t.me/shop_bot',
      app_domain: 'https://shop.example',
    });
    expect(verifyToken(parsed, 'from-env')).toBe(true);
    const flagged = io({ TGA_MOCK_SECRET: 'from-env' });
    await runCli(['token', '--app-name', 'a', '--app-domain', 'b', '--secret', 'flag'], flagged.capture);
    expect(verifyToken(mustDecodeToken(flagged.out.stdout.trim()), 'flag')).toBe(true);
  });

  test.each([
    [['--app-name', 'x']],
    [['--app-domain', 'x']],
    [['--app-name', 'x', '--app-domain', 'y', '--bogus']],
  ])('missing or unknown flags: %j → exit 2', async (argv) => {
    const { capture, out } = io();
    expect(exitOf(await runCli(['token', ...argv], capture))).toBe(2);
    expect(out.stdout).toBe('');
  });
});

describe('tga-mock server', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tga-mock-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('prints the URL, a demo token and a curl line that works; logs one line per request without the signature; flushes the journal file on stop', async () => {
    const journalFile = path.join(dir, 'journal.jsonl');
    const { capture, out } = io();
    const result = await runCli(
      ['--port', '0', '--journal-file', journalFile, '--secret', 'cli-secret'],
      capture,
    );
    if (result.exit !== undefined) throw new Error(out.stderr);
    try {
      expect(out.stdout).toContain(`listening on ${result.url}`);
      const demo = /TGA-Auth-Token: ([^']+)'/.exec(out.stdout)![1];
      expect(mustDecodeToken(demo).claims).toMatchObject({
        app_name: 'docs',
        app_domain: 'http://localhost',
      });
      const curlBody = /-d '([^']+)'/.exec(out.stdout)![1];
      const res = await request(result.url)
        .post('/events')
        .set('Content-Type', 'application/json')
        .set('TGA-Auth-Token', demo)
        .send(curlBody);
      expect([res.status, res.body]).toEqual([201, documentedResponse('RECORDED').body]);
      await request(result.url)
        .post('/events')
        .set('TGA-Auth-Token', demo.replace(/.!/, 'x!'))
        .send(GOOD_JSON);
    } finally {
      await result.stop();
    }
    const lines = out.log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.method, l.path, l.status, l.reason])).toEqual([
      ['POST', '/events', 201, 'RECORDED'],
      ['POST', '/events', 400, expect.stringMatching(/^TOKEN_/)],
    ]);
    expect(out.log).not.toContain(/TGA-Auth-Token: [^!]+!([^']+)'/.exec(out.stdout)![1]);
    expect(out.stderr).toBe(''); // a secret was given: no warning
    const recorded = readFileSync(journalFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(recorded).toEqual([
      expect.objectContaining({ seq: 1, app_name: 'docs', event: JSON.parse(GOOD_JSON)[0] }),
    ]);
  });

  test('--host 0.0.0.0 prints a loopback URL that answers and says it listens on every interface; --admin-token prints the inspector URL that opens', async () => {
    const { capture, out } = io();
    const result = await runCli(
      [
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--admin-token',
        'a b&c',
        '--secret',
        's',
        '--log-level',
        'silent',
      ],
      capture,
    );
    if (result.exit !== undefined) throw new Error(out.stderr);
    try {
      expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out.stdout).toContain(`listening on ${result.url}\n  on every interface (--host 0.0.0.0)`);
      const inspector = /Inspector \(live view of every request\): (\S+)/.exec(out.stdout)![1];
      expect(inspector).toBe(`${result.url}/__mock/?admin_token=a%20b%26c`);
      const page = await request(inspector).get('');
      expect([page.status, page.type]).toEqual([200, 'text/html']);
      expect((await request(result.url).get('/__mock/')).status).toBe(403);
    } finally {
      await result.stop();
    }
  });

  test('--host :: (every interface, IPv6 and IPv4) also prints the loopback URL, which answers', async () => {
    const { capture, out } = io();
    const result = await runCli(
      ['--port', '0', '--host', '::', '--secret', 's', '--log-level', 'silent'],
      capture,
    );
    if (result.exit !== undefined) throw new Error(out.stderr);
    try {
      expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out.stdout).toContain(`listening on ${result.url}\n  on every interface (--host ::)`);
      expect(out.stdout).toContain(`Inspector (live view of every request): ${result.url}/__mock/\n`);
      expect((await request(result.url).get('/__mock/health')).status).toBe(200);
    } finally {
      await result.stop();
    }
  });

  test('the development secret is announced on stderr', async () => {
    const { capture, out } = io();
    const result = await runCli(['--port', '0', '--log-level', 'silent'], capture);
    if (result.exit !== undefined) throw new Error(out.stderr);
    await result.stop();
    expect(out.stderr).toContain('development secret');
  });
});
