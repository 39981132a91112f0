// What a backend team relies on in CI, each run as a user would (the CLI flow against real
// sockets): the suite leaves no fault armed on the mock, --fail-on-skip and --min-coverage gate
// the run, --admin-token opens a locked mock's control API, a target that stops answering stops
// the run (exit 2), and a --base-url ending in /events gets a hint.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../mock-server';
import { startMutantProxy } from '../conformance-mutants/mutantProxy';
import { answer } from '../conformance-mutants/proxyBodies';
import { inProcessExecutor, runSuite, type SuiteRun } from '../support/conformanceRunSuite';
import type { Executor } from '../../conformance/cli/runConformance';

jest.setTimeout(60_000);

let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ logLevel: 'silent', rateLimit: 0 });
  dir = mkdtempSync(join(tmpdir(), 'tga-gates-'));
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a next client of the mock sees: GET /__mock/faults over HTTP. */
async function armedFaults(url: string, headers: Record<string, string> = {}): Promise<unknown[]> {
  const res = await fetch(`${url}/__mock/faults`, { headers });
  return ((await res.json()) as { faults: unknown[] }).faults;
}

describe('the suite leaves the target as it found it: no fault stays armed', () => {
  const budgets = ['0', '1', '3', '50'];
  const selections = ['mock', 'response,mock', 'mock.record-failure', 'mock.rate-limit-fault'];
  const combos = budgets.flatMap((b) => selections.map((s) => [b, s] as const));
  test.each(combos)('--max-writes %s --checks %s', async (maxWrites, checks) => {
    mock.reset();
    expect(await armedFaults(mock.url)).toEqual([]);
    const run = await runSuite([
      '--base-url',
      mock.url,
      '--token',
      mock.token(),
      '--max-writes',
      maxWrites,
      '--checks',
      checks,
    ]);
    expect(run.exitCode).not.toBe(2);
    expect(await armedFaults(mock.url)).toEqual([]);
  });

  test('also when the fault check fails (a server in front of the mock answers 201 itself)', async () => {
    mock.reset();
    const proxy = await startMutantProxy(mock.url, { request: () => answer('RECORDED') });
    try {
      const run = await runSuite([
        '--base-url',
        proxy.url,
        '--token',
        mock.token(),
        '--checks',
        'mock.rate-limit-fault,mock.record-failure',
      ]);
      expect(run.failed).toEqual(['mock.record-failure', 'mock.rate-limit-fault']);
      expect(await armedFaults(mock.url)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe('--fail-on-skip', () => {
  test('a skip for the write budget fails the run; without the flag it exits 0', async () => {
    mock.reset();
    const args = [
      '--base-url',
      mock.url,
      '--token',
      mock.token(),
      '--max-writes',
      '3',
      '--report-json',
      join(dir, 'skip.json'),
    ];
    const plain = await runSuite(args);
    expect(plain.exitCode).toBe(0);
    expect(plain.skipped.length).toBeGreaterThan(1);
    const gated = await runSuite([...args, '--fail-on-skip', '--junit', join(dir, 'skip.xml')]);
    expect(gated.exitCode).toBe(1);
    expect(gated.stdout).toMatch(
      /GATE FAILED: --fail-on-skip: \d+ checks were skipped: positive\.documented-examples \(would pass --max-writes 3 /,
    );
    expect(gated.stdout).toMatch(/^\d+ checks did not fit --max-writes 3: .*; --max-writes 50 runs them$/m);
    const report = JSON.parse(readFileSync(join(dir, 'skip.json'), 'utf8'));
    expect(report.verdict).toBe('failed');
    expect(report.gates).toEqual([expect.objectContaining({ name: 'fail-on-skip', passed: false })]);
    expect(readFileSync(join(dir, 'skip.xml'), 'utf8')).toMatch(
      /name="gate.fail-on-skip"[^\n]*>\n\s*<failure/,
    );
  });

  test('mock-only checks against a server that is not the mock, and the probe not asked for, do not count', async () => {
    mock.reset();
    const proxy = await startMutantProxy(mock.url, { hideControlApi: true });
    try {
      const run = await runSuite(['--base-url', proxy.url, '--token', mock.token(), '--fail-on-skip']);
      expect(run.skipped).toEqual(expect.arrayContaining(['mock.record-failure', 'probe.rate-limit']));
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('gate passed: --fail-on-skip');
    } finally {
      await proxy.close();
    }
  });
});

describe('the gates read skip codes, never skip messages', () => {
  /** Runs the checks, then gives every skip the message a skip of the other kind would have. */
  const rewording: Executor = async (plan, server, meta) =>
    (await inProcessExecutor(plan, server, meta)).map((r) =>
      r.verdict !== 'skipped'
        ? r
        : {
            ...r,
            skipReason:
              r.skipCode === 'budget' || r.skipCode === 'budget-exhausted'
                ? 'mock-only: the target does not answer GET /__mock/health'
                : 'would pass --max-writes 3 (needs 9 more writes, 0 planned)',
          },
    );
  const verdictOf = (run: SuiteRun) => ({
    exitCode: run.exitCode,
    gate: run.stdout.match(/^(gate passed|GATE FAILED): --fail-on-skip/m)?.[1],
    budgetHint: /checks? did not fit --max-writes/.test(run.stdout),
    skipped: run.skipped,
  });

  test('budget skips worded like harmless ones still fail --fail-on-skip', async () => {
    const args = ['--base-url', mock.url, '--token', mock.token(), '--max-writes', '3', '--fail-on-skip'];
    const junit = join(dir, 'reworded.xml');
    mock.reset();
    const plain = verdictOf(await runSuite(args));
    mock.reset();
    const reworded = await runSuite([...args, '--junit', junit], {}, rewording);
    expect(plain).toMatchObject({ exitCode: 1, gate: 'GATE FAILED', budgetHint: true });
    expect(verdictOf(reworded)).toEqual(plain);
    expect(reworded.results.filter((r) => r.skipCode === 'budget').length).toBeGreaterThan(1);
    expect(readFileSync(junit, 'utf8')).toMatch(
      /<skipped message="mock-only: the target does not answer GET \/__mock\/health" type="budget"\/>/,
    );
  });

  test('harmless skips worded like budget ones still pass --fail-on-skip', async () => {
    mock.reset();
    const proxy = await startMutantProxy(mock.url, { hideControlApi: true });
    try {
      const args = ['--base-url', proxy.url, '--token', mock.token(), '--fail-on-skip'];
      const plain = verdictOf(await runSuite(args));
      const reworded = await runSuite(args, {}, rewording);
      expect(plain).toMatchObject({ exitCode: 0, gate: 'gate passed', budgetHint: false });
      expect(verdictOf(reworded)).toEqual(plain);
      expect(reworded.results.find((r) => r.name === 'probe.rate-limit')).toMatchObject({
        skipCode: 'probe-not-asked',
        skipReason: 'would pass --max-writes 3 (needs 9 more writes, 0 planned)',
      });
    } finally {
      await proxy.close();
    }
  });
});

describe('--min-coverage', () => {
  const base = () => [
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--checks',
    'response.recorded-single,response.token-invalid',
  ];
  test('fails the run when fewer documented responses were observed, passes at the count', async () => {
    mock.reset();
    const short = await runSuite([...base(), '--min-coverage', '3', '--report-json', join(dir, 'cov.json')]);
    expect(short.failed).toEqual([]);
    expect(short.exitCode).toBe(1);
    expect(short.stdout).toContain('GATE FAILED: --min-coverage 3: 2 of 8 documented responses observed');
    const report = JSON.parse(readFileSync(join(dir, 'cov.json'), 'utf8'));
    expect(report.gates).toEqual([expect.objectContaining({ name: 'min-coverage', passed: false })]);
    const enough = await runSuite([...base(), '--min-coverage', '2']);
    expect(enough.exitCode).toBe(0);
  });
  test('a value above 8 is a usage error', async () => {
    const run = await runSuite([...base(), '--min-coverage', '9']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--min-coverage must be an integer from 0 to 8/);
  });
});

describe('--admin-token', () => {
  let locked: RunningMock;
  beforeAll(async () => {
    locked = await startMock({ logLevel: 'silent', rateLimit: 0, adminToken: 'admin-s3cret' });
  });
  afterAll(async () => {
    await locked.close();
  });

  test('without it, a mock that needs one is reported as such, not as "not a mock"', async () => {
    const run = await runSuite(['--base-url', locked.url, '--token', locked.token(), '--checks', 'mock']);
    expect(run.stdout).toContain('a mock that needs --admin-token');
    expect(run.stdout).not.toContain('not a mock');
    for (const r of run.results) expect(r.skipReason).toMatch(/a mock that needs --admin-token/);
  });

  test('a wrong one is reported as refused', async () => {
    const run = await runSuite([
      '--base-url',
      locked.url,
      '--token',
      locked.token(),
      '--checks',
      'mock.record-failure',
      '--admin-token',
      'wrong',
    ]);
    expect(run.stdout).toContain('a mock that refused the given --admin-token');
    expect(run.results[0].skipReason).toMatch(/refused the given --admin-token/);
  });

  test.each([
    ['the flag', ['--admin-token', 'admin-s3cret'], {}],
    ['TGA_ADMIN_TOKEN', [], { TGA_ADMIN_TOKEN: 'admin-s3cret' }],
  ])('given by %s, the mock-only checks run and pass, and leave no fault', async (_how, flags, env) => {
    locked.reset();
    const run = await runSuite(
      ['--base-url', locked.url, '--token', locked.token(), '--checks', 'mock', ...flags],
      env,
    );
    expect(run.exitCode).toBe(0);
    expect(run.passed).toEqual(expect.arrayContaining(['mock.record-failure', 'mock.rate-limit-fault']));
    expect(await armedFaults(locked.url, { 'TGA-Mock-Admin-Token': 'admin-s3cret' })).toEqual([]);
  });
});

test('a target that stops answering POST stops the run after 3 requests without an answer (exit 2)', async () => {
  let posts = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      posts += 1;
      req.socket.destroy(); // no answer at all
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"Not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const run = await runSuite(['--base-url', url, '--token', mock.token()]);
    expect(run.exitCode).toBe(2);
    expect(posts).toBe(3);
    expect(run.stderr).toMatch(/the target stopped answering: 3 requests in a row got no answer/);
    expect(
      run.results.filter((r) => r.skipReason === 'not run: the target stopped answering').length,
    ).toBeGreaterThan(50);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a --base-url ending in /events gets a one-line hint', async () => {
  const run = await runSuite([
    '--base-url',
    `${mock.url}/events`,
    '--token',
    mock.token(),
    '--checks',
    'response.token-missing',
  ]);
  expect(run.stderr.split('\n').filter((l) => l.includes('hint'))).toEqual([
    expect.stringContaining('--base-url ends in /events; requests go to'),
  ]);
});

test('a lenient server (201 to everything) cannot starve the positives: they run first; the budget line says what did not fit', async () => {
  mock.reset();
  const proxy = await startMutantProxy(mock.url, { request: () => answer('RECORDED') });
  try {
    const run = await runSuite(['--base-url', proxy.url, '--token', mock.token(), '--seed', '2']);
    expect(run.exitCode).toBe(1);
    expect(run.passed).toEqual(
      expect.arrayContaining([
        'positive.documented-examples',
        'positive.generated',
        'positive.batch-20',
        'positive.gzip-batch',
        'extension.sdk-shaped',
      ]),
    );
    expect(run.failed).toContain('response.token-missing');
    expect(run.stdout).toMatch(
      /^\d+ checks did not fit --max-writes 50: .*; --max-writes \d+ runs them \(the server accepted events the suite expected it to reject\)$/m,
    );
  } finally {
    await proxy.close();
  }
});

test('counts read right in the singular', async () => {
  mock.reset();
  const run = await runSuite([
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--checks',
    'response.recorded-single',
    '--max-writes',
    '1',
  ]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain('at most 1 event accepted by a conforming server');
  expect(run.stdout).toMatch(/^1 check: 1 passed, 0 failed, 0 skipped$/m);
  expect(run.stdout).toMatch(/, 1 event accepted$/m);
  expect(run.stdout).not.toMatch(/\b1 (events|writes|checks)\b/);
});
