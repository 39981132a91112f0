// The JSON report (--report-json): everything the summary shows, as data.
import { redactToken } from '../../schema/token';
import type { CheckResult, ServerUnderTest } from '../run/types';
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
    },
    verdict: t.failed ? 'failed' : 'passed',
    totals: t,
    coverage: coverageOf(results),
    results,
  };
}
