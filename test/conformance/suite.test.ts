// The suite against the unmodified mock, over real HTTP on 127.0.0.1: every applicable check must
// pass, every documented response must be observed, and the report files must say so.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../mock-server';
import { runSuite } from '../support/conformanceRunSuite';

jest.setTimeout(60_000);

let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  // The mock with its default options (rate limit included), as a user starts it.
  mock = await startMock({ logLevel: 'silent' });
  dir = mkdtempSync(join(tmpdir(), 'tga-conformance-test-'));
});

afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

test('passes against the mock with default options, observing every documented response', async () => {
  const run = await runSuite([
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--seed',
    '1',
    '--report-json',
    join(dir, 'r.json'),
    '--junit',
    join(dir, 'j.xml'),
  ]);
  if (run.exitCode !== 0 || process.env.SHOW_RUN) process.stdout.write(run.stdout + run.stderr);
  expect(run.failed).toEqual([]);
  expect(run.skipped).toEqual(['probe.rate-limit']);
  expect(run.stdout).toContain('Every documented response was observed.');
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  expect(report.verdict).toBe('passed');
  expect(report.coverage.map((c: { state: string }) => c.state)).toEqual(Array(8).fill('observed'));
  expect(report.writesUsed).toBeLessThanOrEqual(50);
  expect(JSON.stringify(report)).not.toContain(mock.token().split('!')[1]);
  expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toMatch(
    /<testsuites name="tga-conformance" tests="\d+" failures="0"/,
  );
});
