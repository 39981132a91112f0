// The coverage table: for each documented response, whether this run saw it exactly (observed),
// saw it wrong (failed), or could not provoke it and why (skipped / not run).
import { DOCUMENTED_RESPONSES, type DocumentedReason } from '../../schema';
import type { CheckResult } from '../run/types';

export type CoverageState = 'observed' | 'failed' | 'skipped' | 'not run';

export interface CoverageRow {
  reason: DocumentedReason;
  status: number;
  state: CoverageState;
  detail: string;
}

export function coverageOf(results: readonly CheckResult[]): CoverageRow[] {
  return DOCUMENTED_RESPONSES.map(({ reason, status }) => {
    const covering = results.filter((r) => r.covers.includes(reason));
    const failed = covering.filter((r) => r.verdict === 'failed');
    const observedBy = covering.filter((r) => r.observed.includes(reason));
    const skipped = covering.filter((r) => r.verdict === 'skipped');
    let state: CoverageState;
    let detail: string;
    if (failed.length) {
      state = 'failed';
      const names = failed.map((r) => r.name);
      detail =
        names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    } else if (observedBy.length) {
      state = 'observed';
      detail = `by ${observedBy.length} check${observedBy.length > 1 ? 's' : ''}`;
    } else if (skipped.length) {
      state = 'skipped';
      detail = [...new Set(skipped.map((r) => `${r.name}: ${r.skipReason}`))].join('; ');
    } else {
      state = 'not run';
      detail = 'no selected check provokes it';
    }
    return { reason, status, state, detail };
  });
}

export function formatCoverage(rows: readonly CoverageRow[]): string {
  const lines = [
    'Documented responses',
    ...rows.map(
      (r) => `  ${String(r.status).padEnd(4)} ${r.reason.padEnd(26)} ${r.state.padEnd(9)} ${r.detail}`,
    ),
  ];
  const unseen = rows.filter((r) => r.state !== 'observed').map((r) => r.reason);
  lines.push(
    unseen.length
      ? `  This run never saw (exactly) ${unseen.length} documented response${unseen.length === 1 ? '' : 's'}: ${unseen.join(', ')}.`
      : '  Every documented response was observed.',
  );
  return lines.join('\n');
}
