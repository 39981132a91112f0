// The line after a run some of whose checks did not fit --max-writes: which, and a --max-writes
// that runs them all: what the checks that ran got accepted (they will again), plus what the
// skipped checks will get accepted, plus the headroom a rejected request reserves. A server that
// accepted only what it should is counted for the skipped checks' writes (what a conforming
// server accepts); one seen accepting what it should reject, for everything their requests hold.
import { documentedResponse } from '../../schema';
import type { Check } from '../checks/check';
import { REQUEST_HEADROOM, type Plan } from './plan';
import type { CheckResult } from './types';

const BUDGET_CODES = new Set(['budget', 'budget-exhausted']);

/** Events in requests the server answered 2xx. */
export function acceptedEvents(results: readonly CheckResult[]): number {
  return results
    .flatMap((r) => r.exchanges)
    .filter((e) => e.received && e.received.status >= 200 && e.received.status < 300)
    .reduce((n, e) => n + e.sent.events, 0);
}

const RECORDED = `${documentedResponse('RECORDED').status} RECORDED`;

/** Whether the server accepted (2xx) a request holding events that the suite expected it to reject. */
export function acceptedRejections(results: readonly CheckResult[]): boolean {
  return results
    .flatMap((r) => r.exchanges)
    .some(
      (e) =>
        e.sent.events > 0 &&
        e.expected !== RECORDED &&
        e.received !== undefined &&
        e.received.status >= 200 &&
        e.received.status < 300,
    );
}

/** The --max-writes under which every check of this run fits, or null when none was kept out. */
export function writesToRunAll(
  plan: Plan,
  results: readonly CheckResult[],
  checkOf: (name: string) => Check | undefined,
): number | null {
  const skipped = results.filter((r) => r.skipCode !== undefined && BUDGET_CODES.has(r.skipCode));
  if (!skipped.length) return null;
  const ran = acceptedEvents(results.filter((r) => !skipped.includes(r)));
  const lenient = acceptedRejections(results);
  const most = skipped.reduce((n, r) => {
    const check = checkOf(r.name);
    const writes = check?.writes ?? 0;
    return n + (lenient ? (check?.sends ?? writes) : writes);
  }, 0);
  return Math.max(plan.neededWrites, ran + most + REQUEST_HEADROOM);
}

export function budgetSummary(
  plan: Plan,
  results: readonly CheckResult[],
  checkOf: (name: string) => Check | undefined,
): string | null {
  const enough = writesToRunAll(plan, results, checkOf);
  if (enough === null) return null;
  const names = results
    .filter((r) => r.skipCode !== undefined && BUDGET_CODES.has(r.skipCode))
    .map((r) => r.name);
  const shown =
    names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
  const lenient = acceptedRejections(results);
  return (
    `${names.length} check${names.length === 1 ? '' : 's'} did not fit --max-writes ${plan.maxWrites}: ${shown}; ` +
    `--max-writes ${enough} runs them${lenient ? ' (the server accepted events the suite expected it to reject)' : ''}`
  );
}
