// Runs the whole tga-conformance CLI flow in this process (no Jest inside Jest, no compilation):
// the same options, plan and reports as the bin, with the checks run by the in-process executor.
import { runConformance, type Executor, type RunOutcome } from '../../conformance/cli/runConformance';
import { runChecks } from '../../conformance/run/runChecks';
import { createRunState } from '../../conformance/run/runState';

/** Runs a plan's checks one after another in this process, sharing one run state (the CLI runs them under Jest). */
export const inProcessExecutor: Executor = async (plan, server, meta) => {
  const state = createRunState(meta.runId, meta.seed, plan.maxWrites);
  return runChecks(plan, server, state);
};

export interface SuiteRun extends RunOutcome {
  stdout: string;
  stderr: string;
  failed: string[];
  passed: string[];
  skipped: string[];
  /** Warning checks (undocumented basis) that failed under the default profile. */
  warned: string[];
}

export async function runSuite(
  argv: string[],
  env: Record<string, string> = {},
  executor: Executor = inProcessExecutor,
): Promise<SuiteRun> {
  let stdout = '';
  let stderr = '';
  const outcome = await runConformance(
    argv,
    env,
    { out: (t) => void (stdout += t), err: (t) => void (stderr += t) },
    executor,
  );
  const names = (v: string) => outcome.results.filter((r) => r.verdict === v).map((r) => r.name);
  return {
    ...outcome,
    stdout,
    stderr,
    failed: names('failed'),
    passed: names('passed'),
    skipped: names('skipped'),
    warned: names('warned'),
  };
}
