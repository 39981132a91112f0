// A server answering like the public reports of the live service (test/support/docsOnlyServer.ts
// with `answers: 'live'`: 202 {"message": "Success record."}, a class-validator style 400 report,
// Access-Control-Allow-Origin: *): it passes the default profile, each observed answer a note
// naming the observation with its source and date (read from schema/observations.json), and
// counted as the documented response it stands for; --profile strict fails it on exactly those.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { observation } from '../../schema';
import { docsOnlyToken, startDocsOnlyServer } from '../support/docsOnlyServer';
import { runSuite } from '../support/conformanceRunSuite';

jest.setTimeout(60_000);

let server: { url: string; close(): Promise<void> };
let dir: string;
const token = docsOnlyToken('live-like', 'https://app.example');
const SUCCESS = observation('SUCCESS_202');
const REPORT = observation('VALIDATION_REPORT');

beforeAll(async () => {
  server = await startDocsOnlyServer({ answers: 'live' });
  dir = mkdtempSync(join(tmpdir(), 'tga-live-like-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = () => ['--base-url', server.url, '--token', token, '--seed', '5'];

test('passes the default profile: the 202s and the reports are notes naming the observation, its source and date', async () => {
  const run = await runSuite([
    ...base(),
    '--report-json',
    join(dir, 'r.json'),
    '--junit',
    join(dir, 'j.xml'),
    '--min-coverage',
    '6',
  ]);
  if (run.exitCode !== 0) process.stdout.write(run.stdout);
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain('profile sdk');
  // The table marks each such check, and one block names each observation once, with its sources.
  expect(run.stdout).toMatch(/^response\.recorded-single +PASSED +docs /m);
  expect(run.stdout).toContain('~ answered as the live service was observed to: SUCCESS_202');
  expect(run.stdout).toContain('~ answered as the live service was observed to: VALIDATION_REPORT');
  for (const o of [SUCCESS, REPORT]) {
    expect(run.stdout).toContain(`  ${o.id}: ${o.title} (`);
    for (const s of o.sources) expect(run.stdout).toContain(`source:   ${s.url} (${s.date})`);
  }
  // Coverage counts them as the documented answers they stand for; nothing is "never seen" but the two faults.
  expect(run.stdout).toMatch(
    /^ {2}201 +RECORDED +observed +by \d+ checks \(\d+ of them the observed answer/m,
  );
  expect(run.stdout).toMatch(/^ {2}400 +VALIDATION +observed +by \d+ checks/m);
  expect(run.stdout).toContain('This run never saw 2 documented responses: RECORD_FAILED, RATE_LIMITED.');
  expect(run.stdout).toContain('gate passed: --min-coverage 6: 6 of 8 documented responses observed');

  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  const single = report.results.find((r: { name: string }) => r.name === 'response.recorded-single');
  expect(single.verdict).toBe('passed');
  expect(single.observedAnswers).toEqual(['SUCCESS_202']);
  expect(single.notes.join('\n')).toContain(SUCCESS.sources[0].url);
  expect(single.notes.join('\n')).toContain(SUCCESS.sources[0].date);
  const gzip = report.results.find((r: { name: string }) => r.name === 'positive.gzip-batch');
  expect(gzip.basis).toBe('sdk');
  const junit = readFileSync(join(dir, 'j.xml'), 'utf8');
  expect(junit).toMatch(/name="positive\.gzip-batch"[^]*?<property name="basis" value="sdk"\/>/);
  expect(junit).toContain(`note: observed answer, not the docs&apos;`.replace('&apos;', "'"));
});

test('--profile strict fails it, naming the observed deviations', async () => {
  const run = await runSuite([...base(), '--profile', 'strict']);
  expect(run.exitCode).toBe(1);
  const single = run.results.find((r) => r.name === 'response.recorded-single')!;
  expect(single.verdict).toBe('failed');
  expect(single.failures).toEqual([
    expect.objectContaining({
      aspect: 'status',
      basis: 'observed',
      observation: 'SUCCESS_202',
      expected: 201,
      got: 202,
    }),
  ]);
  const validation = run.results.find((r) => r.name === 'response.validation')!;
  expect(validation.failures).toEqual([
    expect.objectContaining({ aspect: 'body', basis: 'observed', observation: 'VALIDATION_REPORT' }),
  ]);
  // Every failure but the extension checks' (it ignores fields it does not know) is an observed one.
  const failures = run.results.filter((r) => r.basis !== 'extension').flatMap((r) => r.failures);
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.filter((f) => f.basis !== 'observed')).toEqual([]);
  expect(run.stdout).toContain(
    "the observed answer SUCCESS_202, not the docs' literal one: expected 201, got 202",
  );
  expect(run.stdout).toContain(`  SUCCESS_202: ${SUCCESS.title} (`);
  for (const s of SUCCESS.sources) expect(run.stdout).toContain(`source:   ${s.url} (${s.date})`);
  expect(run.stdout).toMatch(/^response\.recorded-single +FAILED /m);
});

test('--profile docs passes it as well', async () => {
  const run = await runSuite([...base(), '--profile', 'docs']);
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(0);
});

test("the event-name check rests on the SDK's list and says which names it allows", async () => {
  const run = await runSuite([
    '--base-url',
    server.url,
    '--token',
    token,
    '--checks',
    'negative.not-in-enum.event_name',
    '--profile',
    'docs',
  ]);
  expect(run.exitCode).toBe(0);
  const check = run.results[0];
  expect(check.basis).toBe('sdk');
  expect(check.why).toContain('one of the 23 names the official SDK sends');
  expect(check.why).toContain('schema/event-names.schema.json');
  expect(check.why).toContain('app-init');
});
