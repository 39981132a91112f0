// The package as users get it (test/support/packedPackage.ts): the tarball installed into an empty
// folder, and there `npx tga-mock --port 0` answers and `npx tga-mock token …` prints a token the
// running mock accepts. This checks `bin`, `files` and the build output together.
import { spawn } from 'node:child_process';
import request from 'supertest';
import { GOOD_JSON } from '../../mock-server/test-support/fixtures';
import { listeningUrl } from '../../mock-server/test-support/listeningUrl';
import { selfSignedCertificate } from '../../mock-server/test-support/selfSigned';
import { documentedResponse } from '../../schema';
import pkg from '../../package.json';
import { tarballViolations } from './tarballPolicy';
import { bareConsumer, cleanEnv as env, packedTarball, run, type Packed } from '../support/packedPackage';

let packed: Packed;
let dir: string;

beforeAll(async () => {
  packed = await packedTarball('tga-mock-packed-');
  dir = await bareConsumer(packed, 'packed-mock-consumer');
}, 300_000);

afterAll(() => packed?.cleanup());

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

test('npx tga-mock --tls-cert --tls-key serves HTTPS: curl --cacert gets 201', async () => {
  const tls = selfSignedCertificate();
  const { stdout: token } = await run(
    'npx',
    ['tga-mock', 'token', '--app-name', 'docs', '--app-domain', 'http://localhost'],
    { cwd: dir, env },
  );
  const child = spawn(
    'npx',
    ['tga-mock', '--port', '0', '--log-level', 'silent', '--tls-cert', tls.cert, '--tls-key', tls.key],
    { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await listeningUrl(child).catch((e: Error) => {
      throw new Error(`${e.message}\n${stderr}`);
    });
    expect(url).toMatch(/^https:\/\//);
    const { stdout } = await run('curl', [
      '-sS',
      '--cacert',
      tls.cert,
      '-w',
      ' %{http_code}',
      '-H',
      'Content-Type: application/json',
      '-H',
      `TGA-Auth-Token: ${token.trim()}`,
      '-d',
      GOOD_JSON,
      `${url}/events`,
    ]);
    expect(stdout).toBe(`${JSON.stringify(documentedResponse('RECORDED').body)} 201`);
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    tls.cleanup();
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

test('the tarball holds only what a user runs', () => {
  expect(packed.files).toContain('dist/mock-server/cli.js');
  expect(tarballViolations(packed.files)).toEqual([]);
});

test('npx tga-mock --version prints the package version', async () => {
  const { stdout } = await run('npx', ['tga-mock', '--version'], { cwd: dir, env });
  expect(stdout).toBe(`${pkg.version}\n`);
});
