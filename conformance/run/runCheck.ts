// Runs one planned check and turns whatever happens into a CheckResult: never throws, so one
// broken check (or server) cannot hide the verdicts of the others. Once the target has stopped
// answering (state.stopped), the remaining checks are not run at all.
import { CheckSkipped, TargetStopped, createCheckContext, type RunState } from './checkContext';
import type { PlanEntry } from './plan';
import type { CheckResult, ServerUnderTest } from './types';

export const NOT_RUN_STOPPED = 'not run: the target stopped answering';

export function emptyResult(entry: PlanEntry): CheckResult {
  const { check } = entry;
  return {
    name: check.name,
    title: check.title,
    covers: [...check.covers],
    basis: check.basis ?? 'docs',
    verdict: 'skipped',
    exchanges: [],
    failures: [],
    observed: [],
    notes: [],
    durationMs: 0,
  };
}

export async function runCheck(
  entry: PlanEntry,
  server: ServerUnderTest,
  state: RunState,
): Promise<CheckResult> {
  const result = emptyResult(entry);
  if (entry.skip) return { ...result, skipReason: entry.skip };
  if (state.stopped) return { ...result, skipReason: NOT_RUN_STOPPED };
  const started = performance.now();
  try {
    await entry.check.run(createCheckContext(server, state, result, entry.check.writes));
  } catch (error) {
    if (error instanceof TargetStopped) {
      result.stopped = error.message;
    } else if (error instanceof CheckSkipped && result.failures.length === 0) {
      result.skipReason = error.message;
    } else if (!(error instanceof CheckSkipped)) {
      result.failures.push({
        aspect: 'error',
        message: `the check threw: ${(error as Error).stack ?? error}`,
      });
    }
  }
  result.durationMs = Math.round(performance.now() - started);
  result.verdict = result.failures.length ? 'failed' : result.skipReason ? 'skipped' : 'passed';
  return result;
}
