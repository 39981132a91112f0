// The bin's real executor: the checks run under Jest (conformance/run/runJest.ts), here from the
// source tree (ts-node for the CLI, ts-jest for the Jest shell). The compiled path, from dist/ in
// an installed tarball, is covered by test/packed/conformance.packed.test.ts.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startMock, type RunningMock } from '../../mock-server';
import { startMutantProxy } from '../conformance-mutants/mutantProxy';
import { answer } from '../conformance-mutants/proxyBodies';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ logLevel: 'silent', rateLimit: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'tga-conformance-under-jest-'));
});

afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

test('from the source tree, the CLI runs the selected checks under Jest and reports them', async () => {
  const report = path.join(dir, 'r.json');
  const { stdout } = await run(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      'conformance/cli/cli.ts',
      '--base-url',
      mock.url,
      '--checks',
      'response,negative.body',
      '--report-json',
      report,
    ],
    // Only what node needs, and the token the way CI passes it: by environment variable.
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TGA_TOKEN: mock.token() }, maxBuffer: 16 << 20 },
  );
  expect(stdout).toMatch(/^13 checks: 13 passed, 0 failed, 0 skipped$/m);
  const written = JSON.parse(readFileSync(report, 'utf8')) as { results: { verdict: string }[] };
  expect(written.results.map((r) => r.verdict)).toEqual(Array(13).fill('passed'));
}, 120_000);

async function armedFaults(): Promise<unknown[]> {
  const res = await fetch(`${mock.url}/__mock/faults`);
  return ((await res.json()) as { faults: unknown[] }).faults;
}

/** ANSI control sequences (ESC [ … letter), as a terminal interprets them. */
const ANSI_CSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/** The CLI from the source tree as a child process (stdout a pipe), the token by environment. */
function spawnCli(args: string[], env: Record<string, string> = {}) {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'conformance/cli/cli.ts', ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TGA_TOKEN: mock.token(), ...env },
    },
  );
}

test('interrupted (SIGINT) while a fault is armed, the run disarms it and exits 130', async () => {
  mock.reset();
  let release: () => void = () => undefined;
  let held: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (held = resolve));
  // Holds the fault check's POST (no answer) until the test lets go: the run is mid-check, fault armed.
  const proxy = await startMutantProxy(mock.url, {
    request: (req) => {
      if (!req.body.toString('utf8').includes('"conformance_check":"mock.record-failure"')) return req;
      held();
      return new Promise((resolve) => (release = () => resolve(answer('RECORDED'))));
    },
  });
  try {
    const child = spawnCli([
      '--base-url',
      proxy.url,
      '--checks',
      'mock.record-failure',
      '--timeout',
      '120000',
    ]);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await reached;
    expect(await armedFaults()).toHaveLength(1); // armed, as the check intends
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('SIGINT: stopping; disarming the faults this run armed');
    expect(await armedFaults()).toEqual([]);
  } finally {
    release();
    await proxy.close();
  }
}, 120_000);

test('in a terminal, no runner output is glued onto the table, which fits the width', async () => {
  // `script` gives the CLI a real terminal (a pty) of 100 columns.
  const command = [
    'stty cols 100;',
    `'${process.execPath}' -r ts-node/register/transpile-only conformance/cli/cli.ts`,
    `--base-url ${mock.url} --checks response.token-missing,response.token-garbled`,
  ].join(' ');
  const { stdout } = await run('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TGA_TOKEN: mock.token(), TERM: 'xterm' },
    maxBuffer: 16 << 20,
  });
  // What the terminal finally shows: carriage-return overwrites and erase-line codes applied.
  const screen = stdout
    .split('\n')
    .map((line) => line.replace(/\r$/, '').split('\r').pop()!.replace(ANSI_CSI, ''));
  expect(screen.join('\n')).not.toContain('Determining test suites');
  const header = screen.find((l) => l.includes('VERDICT'));
  expect(header).toMatch(/^CHECK +VERDICT +BASIS +SENT +GOT +EXPECTED$/);
  const table = screen.slice(
    screen.indexOf(header!),
    screen.findIndex((l) => /^\d+ checks:/.test(l)),
  );
  expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(100);
}, 120_000);
