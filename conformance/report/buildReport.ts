// The JSON report (--report-json): everything the summary shows, as data.
import { redactToken } from '../../schema/token';
import type { CheckResult, ServerUnderTest } from '../run/types';
import { coverageOf } from './coverage';
import type { GateOutcome } from './gates';
import { totals } from './summary';

export interface RunMeta {
  runId: string;
  seed: number;
  maxWrites: number;
  writesUsed: number;
  startedAt: string;
  durationMs: number;
  profile: string;
  /** The CI gates asked for and their outcome. */
  gates: GateOutcome[];
  /** Why the run stopped early (the target stopped answering), or null. */
  stopped: string | null;
}

/** failed: a failing check, a gate not met, or a target that stopped answering. */
export function runVerdict(
  results: readonly CheckResult[],
  gates: readonly GateOutcome[],
  stopped: string | null,
): 'passed' | 'failed' {
  return stopped || totals(results).failed || gates.some((g) => !g.passed) ? 'failed' : 'passed';
}

export function buildReport(results: readonly CheckResult[], server: ServerUnderTest, meta: RunMeta) {
  const t = totals(results);
  return {
    tool: 'tga-conformance',
    ...meta,
    target: {
      baseUrl: server.baseUrl,
      token: redactToken(server.token),
      app: server.app,
      origin: server.origin,
      mock: server.mock,
      mockLocked: server.mockLocked ?? false,
    },
    verdict: runVerdict(results, meta.gates, meta.stopped),
    totals: t,
    coverage: coverageOf(results),
    results,
  };
}
