// Runs the whole CLI flow in this process (no Jest inside Jest, no compilation): the same
// options, plan and reports as `tga-conformance`, with checks run by the in-process executor.
import { inProcessExecutor, runConformance, type RunOutcome } from '../main';

export interface SuiteRun extends RunOutcome {
  stdout: string;
  stderr: string;
  failed: string[];
  passed: string[];
  skipped: string[];
}

export async function runSuite(argv: string[], env: Record<string, string> = {}): Promise<SuiteRun> {
  let stdout = '';
  let stderr = '';
  const outcome = await runConformance(
    argv,
    env,
    { out: (t) => void (stdout += t), err: (t) => void (stderr += t) },
    inProcessExecutor,
  );
  const names = (v: string) => outcome.results.filter((r) => r.verdict === v).map((r) => r.name);
  return {
    ...outcome,
    stdout,
    stderr,
    failed: names('failed'),
    passed: names('passed'),
    skipped: names('skipped'),
  };
}
