// `tga-conformance/jest`: the suite's checks as tests of the caller's own Jest or Vitest run, so
// their reporters, retries and CI annotations apply. defineConformanceTests(options) takes the
// CLI's options as an object (read exactly as its flags, after the TGA_* environment) and
// registers one test per selected check, in the CLI's order and with its plan: the server is
// probed while the file's tests are collected (a child process: collection is synchronous), the
// checks the plan skips are registered skipped, and the rest share one write budget. A failing
// check fails its test; a warning (a failure the profile tolerates) passes with a console
// warning. After the checks, the faults a check left armed are disarmed and the --report-json /
// --junit files written.
import { execFileSync } from 'node:child_process';
import { extname, join } from 'node:path';
import type { OptionValues } from '../../cli-kit';
import { registry } from '../checks';
import { CONFORMANCE_CLI } from '../cli/options';
import { concludeRun, writeRunFiles } from '../report/conclude';
import { coverageOf } from '../report/coverage';
import { evaluateGates } from '../report/gates';
import { applyProfile } from '../run/bases';
import { disarmLeftFaults } from '../run/interrupt';
import type { PlanEntry } from '../run/plan';
import { emptyResult, runCheck } from '../run/runCheck';
import { createRunState } from '../run/runState';
import type { CheckResult } from '../run/types';
import type { PlanAnswer } from './planChild';

/** A test body: Jest calls it with nothing (no declared parameter, so no `done`), Vitest with its context. */
type TestBody = (...context: unknown[]) => Promise<void>;

/** What is used of the test framework: Jest's or Vitest's globals, or the functions passed in. */
export interface TestFramework {
  describe(name: string, body: () => void): unknown;
  test: {
    (name: string, body: TestBody, timeout?: number): unknown;
    skip(name: string, body: () => void): unknown;
  };
  afterAll(body: () => Promise<void>, timeout?: number): unknown;
}

type CliOptions = Omit<OptionValues<typeof CONFORMANCE_CLI.table>, 'list'>;

/** The command line's options by their keys (`baseUrl`, `token`, `profile`, `maxWrites`, …), and where to register. */
export type ConformanceTestOptions = { [K in keyof CliOptions]?: CliOptions[K] } & Partial<TestFramework> & {
    /** The describe block holding the checks (default `tga-conformance`). */
    title?: string;
  };

export interface ConformancePlan {
  runId: string;
  seed: number;
  /** The plan as the CLI prints it before a run. */
  text: string;
}

const FRAMEWORK_KEYS = new Set(['describe', 'test', 'afterAll', 'title']);

/** The options as the CLI's arguments, so they are read and checked by the CLI's own code. */
function argvOf(options: ConformanceTestOptions): string[] {
  const rows = new Map<string, { flag: string }>(
    CONFORMANCE_CLI.table.filter((r) => r.key !== 'list').map((r) => [r.key, r]),
  );
  const argv: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (FRAMEWORK_KEYS.has(key) || value === undefined) continue;
    const row = rows.get(key);
    if (!row) throw new Error(`defineConformanceTests: unknown option "${key}"`);
    argv.push(`${row.flag}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  }
  return argv;
}

/** `.js` from dist/, `.ts` from the source tree (run through ts-node there). */
const OWN_EXTENSION = extname(__filename);

function planNow(argv: string[]): PlanAnswer {
  const child = join(__dirname, `planChild${OWN_EXTENSION}`);
  const args =
    OWN_EXTENSION === '.ts' ? ['-r', require.resolve('ts-node/register/transpile-only'), child] : [child];
  // The arguments go on stdin: a token given as an option must not show in the process list.
  const out = execFileSync(process.execPath, args, {
    input: JSON.stringify(argv),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
    timeout: 120_000,
  });
  return JSON.parse(out) as PlanAnswer;
}

function frameworkOf(options: ConformanceTestOptions): TestFramework {
  const g = globalThis as Partial<TestFramework>;
  const [describe, test, afterAll] = [
    options.describe ?? g.describe,
    options.test ?? g.test,
    options.afterAll ?? g.afterAll,
  ];
  if (!describe || !test || !afterAll)
    throw new Error(
      'defineConformanceTests: no describe/test/afterAll: pass them ({ describe, test, afterAll } from vitest) or run with the globals',
    );
  return { describe, test, afterAll };
}

const failureText = (r: CheckResult) => r.failures.map((f) => `[${f.aspect}] ${f.message}`).join('\n');

/** A check's result as its test's outcome: the CLI's verdicts, the profile's warnings passing. */
function settle(result: CheckResult, context: unknown): void {
  if (result.stopped)
    throw new Error(`the target stopped answering: ${result.stopped}; the remaining checks are not run`);
  if (result.verdict === 'failed') throw new Error(failureText(result));
  if (result.skipCode === 'stopped') throw new Error(result.skipReason);
  if (result.verdict === 'warned')
    console.warn(
      `tga-conformance: ${result.name} warns (a stricter --profile fails it)\n${failureText(result)}`,
    );
  if (result.verdict === 'skipped') {
    const skip = (context as { skip?: (note?: string) => void } | undefined)?.skip;
    if (typeof skip === 'function')
      skip(result.skipReason); // Vitest: skipped at run time
    else console.info(`tga-conformance: ${result.name} skipped: ${result.skipReason}`);
  }
}

/** Registers every selected check as a test of the calling file (call it at the top level of a test file). */
export function defineConformanceTests(options: ConformanceTestOptions = {}): ConformancePlan {
  const api = frameworkOf(options);
  const answer = planNow(argvOf(options));
  if (!answer.ok) throw new Error(`defineConformanceTests: ${answer.error}`);
  const { options: opts, server } = answer;
  const entries: PlanEntry[] = answer.entries.map((e) => ({
    check: registry.get(e.name)!,
    skip: e.skip,
    writes: e.writes,
  }));
  const state = createRunState(opts.runId, opts.seed, opts.maxWrites);
  let faultLog = '';
  state.faultLog = (change, id) => (faultLog += `${change} ${id}\n`);
  const results = new Map<string, CheckResult>();
  let started: { at: Date; ms: number } | undefined;
  const timeout = Math.max(60_000, server.timeoutMs * 4);

  /** Every check's result so far; one its test never ran (filtered out, or not reached) fails, as in the CLI. */
  const allResults = (): CheckResult[] =>
    applyProfile(
      entries.map(
        (e) =>
          results.get(e.check.name) ??
          (e.skip
            ? { ...emptyResult(e), skipReason: e.skip.message, skipCode: e.skip.code }
            : {
                ...emptyResult(e),
                verdict: 'failed',
                failures: [{ aspect: 'error', message: 'its test did not run' }],
              }),
      ),
      opts.profile,
    );
  const gatesOf = (all: CheckResult[]) => evaluateGates(all, coverageOf(all), opts);

  api.describe(options.title ?? 'tga-conformance', () => {
    for (const entry of entries) {
      if (entry.skip) {
        api.test.skip(entry.check.name, () => undefined);
        continue;
      }
      api.test(
        entry.check.name,
        async (...context: unknown[]) => {
          started ??= { at: new Date(), ms: performance.now() };
          const [result] = applyProfile([await runCheck(entry, server, state)], opts.profile);
          results.set(result.name, result);
          settle(result, context[0]);
        },
        timeout,
      );
    }
    if (opts.failOnSkip || opts.minCoverage > 0)
      api.test('gates (--fail-on-skip, --min-coverage)', async () => {
        const failed = gatesOf(allResults()).filter((g) => !g.passed);
        if (failed.length) throw new Error(failed.map((g) => g.message).join('\n'));
      });
    api.afterAll(async () => {
      await disarmLeftFaults(server, faultLog);
      if (!opts.reportJson && !opts.junit) return;
      const all = allResults();
      const durationMs = started ? Math.round(performance.now() - started.ms) : 0;
      const timing = { startedAt: started?.at ?? new Date(), durationMs };
      const unwritten = writeRunFiles(all, opts, concludeRun(all, server, opts, timing));
      if (unwritten) throw new Error(`tga-conformance: ${unwritten}`);
    }, 30_000);
  });
  return { runId: opts.runId, seed: opts.seed, text: answer.text };
}
