// tga-conformance/jest from the source tree: defineConformanceTests registers the CLI's plan as
// tests of a framework (here one that records what is registered, then runs it in order, as Jest
// and Vitest run a file), against the mock and a mutant: the same checks, skips, verdicts, report
// files and fault clean-up as the command. Under a real Jest and Vitest, from the installed
// tarball: test/packed/conformanceJest.packed.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConformanceTests, type ConformanceTestOptions } from '../../conformance/jest';
import { startMockProcess, type MockProcess } from '../support/mockProcess';

// The mock in a process of its own: the plan is made while this process waits (synchronously).
let mock: MockProcess;
let dir: string;

beforeAll(async () => {
  mock = await startMockProcess();
  dir = mkdtempSync(path.join(tmpdir(), 'tga-define-tests-'));
}, 60_000);

afterAll(async () => {
  await mock?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Registered {
  suites: string[];
  tests: { name: string; body: (...context: unknown[]) => Promise<void>; timeout?: number }[];
  skipped: string[];
  after: (() => Promise<void>)[];
}

/** A framework that records registrations; `runAll` then runs them as Jest would, in order. */
function recorder() {
  const r: Registered = { suites: [], tests: [], skipped: [], after: [] };
  const framework: Required<Pick<ConformanceTestOptions, 'describe' | 'test' | 'afterAll'>> = {
    describe: (name, body) => {
      r.suites.push(name);
      body();
    },
    test: Object.assign(
      (name: string, body: Registered['tests'][number]['body'], timeout?: number) => {
        r.tests.push({ name, body, timeout });
      },
      {
        skip: (name: string) => {
          r.skipped.push(name);
        },
      },
    ),
    afterAll: (body) => {
      r.after.push(body);
    },
  };
  const runAll = async () => {
    const outcomes: Record<string, string> = {};
    for (const t of r.tests)
      // Called with no argument, as Jest calls a body that declares no parameter.
      outcomes[t.name] = await t.body().then(
        () => 'passed',
        (e: Error) => `failed: ${e.message}`,
      );
    for (const a of r.after) await a();
    return outcomes;
  };
  return { r, framework, runAll };
}

test('the full plan against the mock: every check a test, the same verdicts and report files as the CLI', async () => {
  const { r, framework, runAll } = recorder();
  const [reportJson, junit] = [path.join(dir, 'r.json'), path.join(dir, 'j.xml')];
  const plan = defineConformanceTests({
    baseUrl: mock.url,
    token: mock.token,
    seed: 5,
    reportJson,
    junit,
    ...framework,
  });
  expect(plan.seed).toBe(5);
  expect(plan.text).toMatch(/^tga-conformance plan/);
  expect(r.suites).toEqual(['tga-conformance']);
  expect(r.tests.length + r.skipped.length).toBe(91);
  expect(r.skipped).toHaveLength(1);
  const outcomes = await runAll();
  expect(Object.entries(outcomes).filter(([, o]) => o !== 'passed')).toEqual([]);
  const report = JSON.parse(readFileSync(reportJson, 'utf8')) as { verdict: string; results: unknown[] };
  expect([report.verdict, report.results.length]).toEqual(['passed', 91]);
  expect(readFileSync(junit, 'utf8')).toMatch(
    /<testsuites name="tga-conformance" tests="91" failures="0" skipped="1"/,
  );
  // Every fault a check armed was disarmed.
  expect(((await (await fetch(`${mock.url}/__mock/faults`)).json()) as { faults: unknown[] }).faults).toEqual(
    [],
  );
}, 120_000);

test('against a mutant the failing check fails its test; gates are a test of their own', async () => {
  const proxy = await startMockProcess('origin not checked');
  try {
    const { r, framework, runAll } = recorder();
    defineConformanceTests({
      baseUrl: proxy.url,
      token: mock.token,
      checks: ['response'],
      minCoverage: 8,
      ...framework,
    });
    expect(r.tests.at(-1)!.name).toBe('gates (--fail-on-skip, --min-coverage)');
    const outcomes = await runAll();
    expect(outcomes['response.domain-mismatch']).toMatch(/^failed: /);
    expect(outcomes['gates (--fail-on-skip, --min-coverage)']).toMatch(/^failed: --min-coverage/);
  } finally {
    await proxy.stop();
  }
}, 120_000);

test("options are the CLI's, checked by its code; no framework and no server say so", () => {
  const { framework } = recorder();
  expect(() =>
    defineConformanceTests({ baseUrl: mock.url, token: mock.token, seed: -1, ...framework }),
  ).toThrow(/^defineConformanceTests: --seed must be an integer from 0 to 2147483647/);
  expect(() =>
    defineConformanceTests({ baseUrl: mock.url, token: mock.token, checks: ['nope'], ...framework }),
  ).toThrow('no check matches "nope"');
  expect(() => defineConformanceTests({ baseUrl: mock.url, ...framework, token: undefined })).toThrow(
    /missing --token/,
  );
  expect(() =>
    defineConformanceTests({ baseUrl: 'http://127.0.0.1:9', token: mock.token, ...framework }),
  ).toThrow(/unreachable/);
  expect(() =>
    defineConformanceTests({ ...({ bogus: 1 } as ConformanceTestOptions), baseUrl: mock.url, ...framework }),
  ).toThrow('unknown option "bogus"');
});
