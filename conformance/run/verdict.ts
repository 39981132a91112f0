// How a check records its verdict on the result: failures (pointing at the exchange they concern),
// the documented-response comparison, notes, and skips (with their code).
import type { DocumentedReason } from '../../schema';
import { CheckSkipped } from './checkErrors';
import { expectDocumented } from './expectDocumented';
import type { SkipCode } from './skipCodes';
import type { CheckResult, Exchange, Failure } from './types';

export function createVerdict(result: CheckResult) {
  function fail(failure: Omit<Failure, 'exchange'>, exchange?: Exchange): void {
    const index = exchange ? result.exchanges.indexOf(exchange) : -1;
    result.failures.push({ ...failure, ...(index >= 0 ? { exchange: index } : {}) });
  }

  return {
    fail,
    /** Checks the answer is exactly the documented response for `reason`. */
    expectDocumented: (exchange: Exchange, reason: DocumentedReason) =>
      expectDocumented(exchange, reason, result, fail),
    note: (text: string) => result.notes.push(text),
    /** Drops all but the last exchange (a probe's hundred identical requests are noise). */
    keepLastExchange(): void {
      result.exchanges.splice(0, result.exchanges.length - 1);
    },
    skip(code: SkipCode, message: string): never {
      throw new CheckSkipped(code, message);
    },
  };
}
