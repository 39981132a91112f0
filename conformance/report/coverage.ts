// The coverage table: for each documented response, whether this run saw it exactly (observed),
// saw it wrong (failed), or could not provoke it and why (skipped / not run). Under the docs and
// sdk profiles an observed answer (a 202, a validation report) counts as the response it stands for.
import { DOCUMENTED_RESPONSES, type DocumentedReason } from '../../schema';
import { observation } from '../../schema';
import type { CheckResult } from '../run/types';

export type CoverageState = 'observed' | 'failed' | 'skipped' | 'not run';

export interface CoverageRow {
  reason: DocumentedReason;
  status: number;
  state: CoverageState;
  detail: string;
  /** Checks that saw it (exactly, or as the observed answer standing for it), whatever the state. */
  seenBy: number;
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
      const standIns = observedBy.filter((r) =>
        (r.observedAnswers ?? []).some((id) => observation(id).reason === reason),
      ).length;
      if (standIns) detail += ` (${standIns} of them the observed answer standing for it)`;
    } else if (skipped.length) {
      state = 'skipped';
      detail = [...new Set(skipped.map((r) => `${r.name}: ${r.skipReason}`))].join('; ');
    } else {
      state = 'not run';
      detail = 'no selected check provokes it';
    }
    return { reason, status, state, detail, seenBy: observedBy.length };
  });
}

export function formatCoverage(rows: readonly CoverageRow[]): string {
  const lines = [
    'Documented responses',
    ...rows.map(
      (r) => `  ${String(r.status).padEnd(4)} ${r.reason.padEnd(26)} ${r.state.padEnd(9)} ${r.detail}`,
    ),
  ];
  // Only what no check saw: a response seen by 35 checks and answered wrong to one is a failure above, not unseen.
  const unseen = rows.filter((r) => r.seenBy === 0).map((r) => r.reason);
  lines.push(
    unseen.length
      ? `  This run never saw ${unseen.length} documented response${unseen.length === 1 ? '' : 's'}: ${unseen.join(', ')}.`
      : '  Every documented response was observed.',
  );
  return lines.join('\n');
}
