// A server that implements exactly the documented contract, written outside this repository's
// mock (test/support/docsOnlyServer.ts): the suite must pass it under --profile docs, showing as
// warnings the checks that rest on what the SDK needs or only real clients send; the default
// profile (sdk) fails it on the one SDK need it lacks (GET /events/threshold); --profile strict
// fails the extension checks too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docsOnlyToken, startDocsOnlyServer } from '../support/docsOnlyServer';
import { runSuite } from '../support/conformanceRunSuite';

jest.setTimeout(60_000);

let server: { url: string; close(): Promise<void> };
let dir: string;
const token = docsOnlyToken('docs-only', 'https://app.example');

beforeAll(async () => {
  server = await startDocsOnlyServer();
  dir = mkdtempSync(join(tmpdir(), 'tga-docs-only-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('passes --profile docs with exit 0, the sdk and extension checks reported as warnings in the table, JSON and JUnit', async () => {
  const run = await runSuite([
    '--base-url',
    server.url,
    '--token',
    token,
    '--seed',
    '11',
    '--profile',
    'docs',
    '--report-json',
    join(dir, 'r.json'),
    '--junit',
    join(dir, 'j.xml'),
  ]);
  if (run.exitCode !== 0) process.stdout.write(run.stdout);
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(0);
  // The TON Connect and invoice fields, real clients' nulls and the threshold route: warnings.
  expect(run.warned).toEqual(
    expect.arrayContaining([
      'extension.wrong-type.trace_id',
      'extension.wrong-type.slug',
      'extension.wrong-type.prices[0]',
      'extension.sdk-shaped',
      'sdk.threshold',
    ]),
  );
  expect(run.warned.every((n) => n.startsWith('extension.') || n === 'sdk.threshold')).toBe(true);
  expect(run.stdout).toMatch(/^extension\.wrong-type\.trace_id +WARNING +extension /m);
  expect(run.stdout).toMatch(/^sdk\.threshold +WARNING +sdk /m);
  expect(run.stdout).toContain('! warning only: this check rests on sdk (--profile sdk fails it)');
  expect(run.stdout).toMatch(/\d+ checks: \d+ passed, 0 failed, \d+ warnings, \d+ skipped/);
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  expect(report.verdict).toBe('passed');
  expect(report.totals.warned).toBe(run.warned.length);
  const junit = readFileSync(join(dir, 'j.xml'), 'utf8');
  expect(junit).toMatch(/failures="0"/);
  expect(junit).toContain('<skipped message="warning (extension; --profile strict fails it)');
  expect(junit).toContain('<skipped message="warning (sdk; --profile sdk fails it)');
  expect(report.results.find((r: { name: string }) => r.name === 'sdk.threshold').basis).toBe('sdk');
});

test('the default profile (sdk) fails it on exactly what the SDK needs and it lacks: GET /events/threshold', async () => {
  const run = await runSuite(['--base-url', server.url, '--token', token, '--seed', '11']);
  expect(run.exitCode).toBe(1);
  expect(run.failed).toEqual(['sdk.threshold']);
  expect(run.warned.every((n) => n.startsWith('extension.'))).toBe(true);
  expect(run.stdout).toMatch(/^sdk\.threshold +FAILED +sdk /m);
  expect(run.stdout).toContain(
    'why: the official SDK reads GET /events/threshold as it starts (the docs page does not list the route)',
  );
});

test('the budget hint names a --max-writes that runs every check that did not fit: re-run with it, none is left out', async () => {
  // The docs-only server accepts the extension negatives (fields it does not know), so it uses up
  // --max-writes on them: the hint must count what those checks can get accepted.
  const base = ['--base-url', server.url, '--token', token, '--seed', '11', '--profile', 'docs'];
  const first = await runSuite([...base, '--max-writes', '50']);
  const hint = /; --max-writes (\d+) runs them/.exec(first.stdout);
  expect(hint).not.toBeNull();
  const budgetSkips = (run: typeof first) =>
    run.results
      .filter((r) => r.skipCode === 'budget' || r.skipCode === 'budget-exhausted')
      .map((r) => r.name);
  expect(budgetSkips(first).length).toBeGreaterThan(0);
  const again = await runSuite([...base, '--max-writes', hint![1]]);
  expect(budgetSkips(again)).toEqual([]);
  expect(again.stdout).not.toMatch(/did not fit --max-writes/);
  expect(again.exitCode).toBe(0);
});

test('with the CI gates it still passes --profile docs: only harmless skips, 6 documented responses observed', async () => {
  const run = await runSuite([
    '--base-url',
    server.url,
    '--token',
    token,
    '--profile',
    'docs',
    '--fail-on-skip',
    '--min-coverage',
    '6',
  ]);
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain('gate passed: --fail-on-skip');
  expect(run.stdout).toContain('gate passed: --min-coverage 6: 6 of 8 documented responses observed');
});

test('with --profile strict it exits 1, naming the extension checks and the threshold', async () => {
  const run = await runSuite([
    '--base-url',
    server.url,
    '--token',
    token,
    '--seed',
    '11',
    '--profile',
    'strict',
  ]);
  expect(run.exitCode).toBe(1);
  expect(run.warned).toEqual([]);
  expect(run.failed.length).toBeGreaterThan(0);
  expect(run.failed.every((n) => n.startsWith('extension.') || n === 'sdk.threshold')).toBe(true);
  expect(run.failed).toEqual(expect.arrayContaining(['extension.wrong-type.trace_id', 'sdk.threshold']));
  expect(run.stdout).toMatch(/^extension\.wrong-type\.trace_id +FAILED /m);
});
