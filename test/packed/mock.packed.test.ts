// The package as users get it: `npm pack` (from a copy of the working tree, since pack runs the
// `prepare` build and the repository's own dist/ may be in use), the tarball installed into an
// empty folder, and there `npx tga-mock --port 0` answers and `npx tga-mock token …` prints a
// token the running mock accepts. This checks `bin`, `files` and the build output together.
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { GOOD_JSON } from '../../mock-server/test-support/fixtures';
import { listeningUrl } from '../../mock-server/test-support/listeningUrl';
import { documentedResponse } from '../../schema';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
// Only what npm and node need: an outer `npm test` must not leak npm_* settings or TGA_MOCK_* here.
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? tmpdir(),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tga-mock-packed-'));
  const src = path.join(dir, 'src');
  const skipped = /^\/(node_modules|dist|\.git|\.artifacts|coverage)(\/|$)|\.tgz$/;
  cpSync(ROOT, src, { recursive: true, filter: (p) => !skipped.test(p.slice(ROOT.length)) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], {
    cwd: src,
    env,
    maxBuffer: 32 << 20,
  });
  const tarball = path.join(dir, stdout.trim().split('\n').pop()!);
  const consumer = path.join(dir, 'consumer');
  cpSync(tarball, path.join(consumer, path.basename(tarball)));
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'packed-mock-consumer', private: true }),
  );
  await run('npm', ['install', '--prefer-offline', '--omit=dev', `./${path.basename(tarball)}`], {
    cwd: consumer,
    env,
    maxBuffer: 32 << 20,
  });
  dir = consumer;
}, 300_000);

afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

test('npx tga-mock --port 0 answers; npx tga-mock token prints a token it accepts', async () => {
  const { stdout: token } = await run(
    'npx',
    ['tga-mock', 'token', '--app-name', 'docs', '--app-domain', 'http://localhost'],
    {
      cwd: dir,
      env,
    },
  );
  expect(token).toMatch(/^[A-Za-z0-9+/]+=*![A-Za-z0-9+/]{43}=\n$/);

  // Its own process group, so the test can stop npx and the node process under it together.
  const child = spawn('npx', ['tga-mock', '--port', '0', '--log-level', 'silent'], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await listeningUrl(child).catch((e: Error) => {
      throw new Error(`${e.message}\n${stderr}`);
    });
    const health = await request(url).get('/__mock/health');
    expect([health.status, health.body.status]).toEqual([200, 'ok']);
    const res = await request(url)
      .post('/events')
      .set('Content-Type', 'application/json')
      .set('TGA-Auth-Token', token.trim())
      .send(GOOD_JSON);
    expect([res.status, res.body]).toEqual([201, documentedResponse('RECORDED').body]);
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
}, 120_000);

test('the installed package exports the programmatic API', async () => {
  const { stdout } = await run(
    process.execPath,
    [
      '-e',
      "const m = require('tga-contract'); console.log(['createApp','startMock','createToken','decodeToken','resolveOptions'].map((k) => typeof m[k]).join())",
    ],
    { cwd: dir, env },
  );
  expect(stdout.trim()).toBe('function,function,function,function,function');
});
