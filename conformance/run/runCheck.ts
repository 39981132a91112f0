// Runs one planned check and turns whatever happens into a CheckResult: never throws, so one
// broken check (or server) cannot hide the verdicts of the others. Once the target has stopped
// answering (state.stopped), the remaining checks are not run at all.
import { createCheckContext } from './checkContext';
import { CheckSkipped, TargetStopped } from './checkErrors';
import type { PlanEntry } from './plan';
import type { RunState } from './runState';
import type { Skip } from './skipCodes';
import { BASIS_WHY } from './bases';
import type { CheckResult, ServerUnderTest } from './types';

export const NOT_RUN_STOPPED: Skip = { code: 'stopped', message: 'not run: the target stopped answering' };

export function emptyResult(entry: PlanEntry): CheckResult {
  const { check } = entry;
  return {
    name: check.name,
    title: check.title,
    covers: [...check.covers],
    basis: check.basis ?? 'docs',
    why: check.why ?? BASIS_WHY[check.basis ?? 'docs'],
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
  const skip = entry.skip ?? (state.stopped ? NOT_RUN_STOPPED : null);
  if (skip) return { ...result, skipReason: skip.message, skipCode: skip.code };
  const started = performance.now();
  try {
    await entry.check.run(createCheckContext(server, state, result, entry.check.writes));
  } catch (error) {
    if (error instanceof TargetStopped) {
      result.stopped = error.message;
    } else if (error instanceof CheckSkipped && result.failures.every((f) => f.basis === 'observed')) {
      // An observed answer is no failure under the default profiles: the skip still tells why the check stopped.
      result.skipReason = error.message;
      result.skipCode = error.code;
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
