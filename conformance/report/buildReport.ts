// The JSON report (--report-json): everything the summary shows, as data.
import { redactToken } from '../token';
import type { CheckResult, Target } from '../types';
import { coverageOf } from './coverage';
import { totals } from './summary';

export interface RunMeta {
  runId: string;
  seed: number;
  maxWrites: number;
  writesUsed: number;
  startedAt: string;
  durationMs: number;
}

export function buildReport(results: readonly CheckResult[], target: Target, meta: RunMeta) {
  const t = totals(results);
  return {
    tool: 'tga-conformance',
    ...meta,
    target: {
      baseUrl: target.baseUrl,
      token: redactToken(target.token),
      app: target.app,
      origin: target.origin,
      mock: target.mock,
    },
    verdict: t.failed ? 'failed' : 'passed',
    totals: t,
    coverage: coverageOf(results),
    results,
  };
}
