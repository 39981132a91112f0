// What a check throws to end early without failing: a skip (with its code), or the run stopping
// because the target no longer answers. runCheck.ts turns each into the result.
import type { SkipCode } from './skipCodes';

/** Thrown by a check that cannot reach a verdict; reported as skipped with the code and message. */
export class CheckSkipped extends Error {
  constructor(
    readonly code: SkipCode,
    message: string,
  ) {
    super(message);
  }
}

/** A request would have passed --max-writes (run time; the plan-time skip is `budget`). */
export class BudgetExhausted extends CheckSkipped {
  constructor(message: string) {
    super('budget-exhausted', message);
  }
}

/** Thrown when the target stopped answering: the run stops, reported with exit code 2. */
export class TargetStopped extends Error {}
