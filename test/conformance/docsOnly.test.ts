// A server that implements exactly the documented contract, written outside this repository's
// mock (test/support/docsOnlyServer.ts): the suite must pass it, showing as warnings the checks
// that rest on undocumented fields or behaviour; under --profile strict those fail the run.
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

test('passes with exit 0, the undocumented checks reported as warnings in the table, JSON and JUnit', async () => {
  const run = await runSuite([
    '--base-url',
    server.url,
    '--token',
    token,
    '--seed',
    '11',
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
      'undocumented.wrong-type.trace_id',
      'undocumented.wrong-type.slug',
      'undocumented.wrong-type.prices[0]',
      'undocumented.sdk-shaped',
      'undocumented.threshold',
    ]),
  );
  expect(run.warned.every((n) => n.startsWith('undocumented.'))).toBe(true);
  expect(run.stdout).toMatch(/^undocumented\.wrong-type\.trace_id +WARNING /m);
  expect(run.stdout).toMatch(/\d+ checks: \d+ passed, 0 failed, \d+ warnings, \d+ skipped/);
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  expect(report.verdict).toBe('passed');
  expect(report.totals.warned).toBe(run.warned.length);
  const junit = readFileSync(join(dir, 'j.xml'), 'utf8');
  expect(junit).toMatch(/failures="0"/);
  expect(junit).toContain('<skipped message="warning (undocumented; --profile strict fails it)');
});

test('with the CI gates it still passes: only harmless skips, 6 documented responses observed', async () => {
  const run = await runSuite([
    '--base-url',
    server.url,
    '--token',
    token,
    '--fail-on-skip',
    '--min-coverage',
    '6',
  ]);
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain('gate passed: --fail-on-skip');
  expect(run.stdout).toContain('gate passed: --min-coverage 6: 6 of 8 documented responses observed');
});

test('with --profile strict it exits 1, naming the undocumented-field checks', async () => {
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
  expect(run.failed.every((n) => n.startsWith('undocumented.'))).toBe(true);
  expect(run.failed).toEqual(
    expect.arrayContaining(['undocumented.wrong-type.trace_id', 'undocumented.threshold']),
  );
  expect(run.stdout).toMatch(/^undocumented\.wrong-type\.trace_id +FAILED /m);
});
