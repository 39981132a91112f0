// State shared by all checks of one run: the write budget, the ledger of acknowledged events and
// whether the target still answers.
import type { JsonObject } from './types';
import { createWriteBudget, type WriteBudget } from './writeBudget';

export interface RunState {
  runId: string;
  seed: number;
  budget: WriteBudget;
  /** Every event a 2xx answer acknowledged during the run, in order. */
  acknowledged: JsonObject[];
  /** Requests in a row that got no answer at all (refused, reset, timed out). */
  transportStreak: number;
  /** Why the run stopped early (the target stopped answering), or null. */
  stopped: string | null;
  /** Told about every fault the run arms and disarms, so an interrupted run can disarm it. */
  faultLog?: (change: 'armed' | 'disarmed', id: string) => void;
}

/** After this many requests in a row without an answer the run stops (exit 2). */
export const MAX_TRANSPORT_STREAK = 3;

export function createRunState(runId: string, seed: number, maxWrites: number): RunState {
  return {
    runId,
    seed,
    budget: createWriteBudget(maxWrites),
    acknowledged: [],
    transportStreak: 0,
    stopped: null,
  };
}
