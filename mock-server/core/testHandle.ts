// The handle a test holds on a mock, whatever the shell: startMock() adds `url` and `close`,
// createMswMock() adds `handlers`. Built from the runtime's journal, faults and secret.
import { DEMO_CLAIMS, claimsFor } from '../../schema/token';
import { decodeFaultSpec, type FaultSpec } from './faultSpec';
import type { Fault } from './faults';
import type { JournalEntry, JournalFilter, RequestLogEntry, WaitOptions } from './journal';
import type { Runtime } from './runtime';
import { createToken } from './tokenSignature';

export interface TestHandle {
  /** A token the mock accepts, for app `appName` on domain `appDomain`. */
  token(appName?: string, appDomain?: string): string;
  /** Recorded events, oldest first (same filters as GET /__mock/events): copies, so changing them changes nothing recorded. */
  events(filter?: JournalFilter): JournalEntry[];
  /** Every POST /events and /events/fingerprint seen, accepted or not (the request log), oldest first. */
  requests(): RequestLogEntry[];
  /**
   * Waits for a batching client (the official SDK flushes every 2 s): resolves with the matching
   * entries once `count` (default 1) match, or rejects after `timeoutMs` (default 5,000) with a
   * message listing what did arrive.
   */
  waitForEvents(filter?: JournalFilter, options?: WaitOptions): Promise<JournalEntry[]>;
  /** Empties the journal and request log, disarms faults, forgets rate-limit counts. */
  reset(): void;
  /** Arms a fault (same spec as POST /__mock/faults); throws on a malformed spec or when 100 are armed. */
  fault(spec: FaultSpec): Fault;
}

export function testHandle(rt: Pick<Runtime, 'options' | 'journal' | 'faults' | 'reset'>): TestHandle {
  const { journal, faults } = rt;
  return {
    token: (appName = DEMO_CLAIMS.app_name, appDomain = DEMO_CLAIMS.app_domain) =>
      createToken(claimsFor(appName, appDomain), rt.options.secret),
    // The journal keeps batches as JSON text: every query parses a fresh copy.
    events: (filter) => journal.query(filter).events,
    requests: () => journal.requests({ limit: Number.MAX_SAFE_INTEGER }),
    waitForEvents: (filter = {}, wait) => journal.waitFor(filter, wait),
    reset: () => rt.reset(),
    fault(spec) {
      const decoded = decodeFaultSpec(spec);
      if (!decoded.ok) throw new Error(`fault: ${decoded.message}`);
      const armed = faults.arm(decoded.value);
      if (!armed.ok) throw new Error(`fault: ${armed.message}`);
      return armed.fault;
    },
  };
}
