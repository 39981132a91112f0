// Runs one planned check and turns whatever happens into a CheckResult: never throws, so one
// broken check (or server) cannot hide the verdicts of the others.
import { CheckSkipped, createCheckContext, type RunState } from './checkContext';
import type { PlanEntry } from './plan';
import type { CheckResult, ServerUnderTest } from './types';

export async function runCheck(
  entry: PlanEntry,
  server: ServerUnderTest,
  state: RunState,
): Promise<CheckResult> {
  const { check } = entry;
  const result: CheckResult = {
    name: check.name,
    title: check.title,
    covers: [...check.covers],
    verdict: 'skipped',
    exchanges: [],
    failures: [],
    observed: [],
    notes: [],
    durationMs: 0,
  };
  if (entry.skip) return { ...result, skipReason: entry.skip };
  const started = performance.now();
  try {
    await check.run(createCheckContext(server, state, result));
  } catch (error) {
    if (error instanceof CheckSkipped && result.failures.length === 0) {
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
