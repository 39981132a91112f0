// The suite as users get it (test/support/packedPackage.ts): both release tarballs installed into
// an empty folder, and there `npx tga-conformance` runs the full suite (compiled, under Jest)
// against `npx tga-mock` and against a running mock: exit 0 on the mock, 1 on a mutant, 2 with no
// flags. The suite's package names no tga-contract to fetch: it carries its own compiled schema.
// Also measures the wall time of a full run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../mock-server';
import { listeningUrl } from '../../mock-server/test-support/listeningUrl';
import pkg from '../../package.json';
import { mutants } from '../conformance-mutants/mutants';
import { startMutantProxy } from '../conformance-mutants/mutantProxy';
import { cleanEnv as env, installPacked, packedTarball, run, type Packed } from '../support/packedPackage';
import { tarballViolations } from './tarballPolicy';

let packed: Packed;
let dir: string;
let mock: RunningMock;

async function conformance(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run('npx', ['tga-conformance', ...args], {
      cwd: dir,
      env,
      maxBuffer: 32 << 20,
    });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: performance.now() - started };
  }
}

beforeAll(async () => {
  packed = await packedTarball('tga-conformance-packed-');
  dir = await installPacked(packed, 'packed-conformance-consumer', [], { suite: true });
  mock = await startMock({ logLevel: 'silent' });
}, 300_000);

afterAll(async () => {
  await mock?.close();
  packed?.cleanup();
});

const manifest = (name: string) =>
  JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;

test('the suite package carries its own schema and names no tga-contract for npm to fetch', () => {
  const suite = manifest('tga-conformance');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies'])
    expect(Object.keys(suite[field] ?? {})).not.toContain('tga-contract');
  expect(Object.keys(suite.dependencies ?? {})).toEqual(expect.arrayContaining(['jest', 'fast-check']));
  expect(packed.suite.files).toContain('dist/schema/index.js');
  expect(tarballViolations(packed.suite.files, 'tga-conformance')).toEqual([]);
});

test('npx tga-conformance against npx tga-mock, both from the tarballs, exits 0', async () => {
  const secret = `packed-suite-${process.pid}`;
  const { stdout: token } = await run(
    'npx',
    ['tga-mock', 'token', '--app-name', 'docs', '--app-domain', 'http://localhost', '--secret', secret],
    { cwd: dir, env },
  );
  // Its own process group, so the test can stop npx and the node process under it together.
  const child = spawn('npx', ['tga-mock', '--port', '0', '--log-level', 'silent', '--secret', secret], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await listeningUrl(child);
    const r = await conformance(['--base-url', url, '--token', token.trim()]);
    if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    expect(r.stdout).toMatch(/91 checks: 90 passed, 0 failed, 1 skipped/);
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
}, 180_000);

test('npx tga-conformance runs the full suite against the running mock and exits 0', async () => {
  const r = await conformance([
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--junit',
    'junit.xml',
    '--seed',
    '5',
  ]);
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  expect(r.stdout).toMatch(/91 checks: 90 passed, 0 failed, 1 skipped/);
  expect(r.stdout).toContain('Every documented response was observed.');
  expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(
    /<testsuites name="tga-conformance" tests="91" failures="0" skipped="1"/,
  );
  // Measured, not asserted (the machine is shared): printed for whoever compares runs.
  process.stdout.write(`packed tga-conformance full run against a local mock: ${Math.round(r.ms)} ms wall\n`);
}, 120_000);

test('exits 1 against a mutant, naming the failing check', async () => {
  mock.reset();
  const mutant = mutants(mock.token()).find((m) => m.name === 'origin not checked')!;
  const proxy = await startMutantProxy(mock.url, mutant.mutation);
  try {
    const r = await conformance(['--base-url', proxy.url, '--token', mock.token(), '--checks', 'response']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^response\.domain-mismatch +FAILED/m);
  } finally {
    await proxy.close();
  }
}, 120_000);

test('exits 2 with one line when given nothing; --version prints the package version', async () => {
  const r = await conformance([]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    'tga-conformance: missing --base-url (or TGA_BASE_URL) and --token (or TGA_TOKEN) (see tga-conformance --help)\n',
  );
  const version = await conformance(['--version']);
  expect(version.code).toBe(0);
  expect(version.stdout).toBe(`${pkg.version}\n`);
}, 60_000);
