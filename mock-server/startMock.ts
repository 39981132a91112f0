// startMock(): the mock on a free 127.0.0.1 port inside a test process, with the handles a test
// needs — what msw's setupServer and WireMock's JUnit rule give their users.
import { createApp, type MockDeps } from './http/app';
import { listen, shutdown } from './http/server';
import { decodeFaultSpec, type FaultSpec } from './core/faultSpec';
import type { Fault } from './core/faults';
import type { JournalEntry, JournalFilter, WaitOptions } from './core/journal';
import type { MockOptions } from './core/options';
import { createToken } from './core/tokenSignature';
import { DEMO_CLAIMS, claimsFor } from '../schema/token';

export interface RunningMock {
  /** Base URL, e.g. http://127.0.0.1:41234 (POST `${url}/events`). */
  url: string;
  /** A token the mock accepts, for app `appName` on domain `appDomain`. */
  token(appName?: string, appDomain?: string): string;
  /** Recorded events, oldest first (same filters as GET /__mock/events): copies, so changing them changes nothing recorded. */
  events(filter?: JournalFilter): JournalEntry[];
  /**
   * Waits for a batching client (the official SDK flushes every 2 s): resolves with the matching
   * entries once `count` (default 1) match, or rejects after `timeoutMs` (default 5,000) with a
   * message listing what did arrive.
   */
  waitForEvents(filter?: JournalFilter, options?: WaitOptions): Promise<JournalEntry[]>;
  /** Empties the journal and counters, disarms faults, forgets rate-limit counts. */
  reset(): void;
  /** Arms a fault (same spec as POST /__mock/faults); throws on a malformed spec or when 100 are armed. */
  fault(spec: FaultSpec): Fault;
  close(): Promise<void>;
}

export async function startMock(
  options: Partial<MockOptions> = {},
  deps: MockDeps = {},
): Promise<RunningMock> {
  // Inside a test process: a free port and no request log unless asked otherwise; every other
  // default (loopback included) is the option table's.
  const app = createApp({ port: 0, logLevel: 'silent', ...options }, deps);
  const { server, url } = await listen(app, app.mock.options.port, app.mock.options.host);
  const { journal, faults, secret } = { ...app.mock, secret: app.mock.options.secret };
  let closing: Promise<void> | undefined;
  return {
    url,
    token: (appName = DEMO_CLAIMS.app_name, appDomain = DEMO_CLAIMS.app_domain) =>
      createToken(claimsFor(appName, appDomain), secret),
    // The journal keeps batches as JSON text: every query parses a fresh copy.
    events: (filter) => journal.query(filter).events,
    waitForEvents: (filter = {}, wait) => journal.waitFor(filter, wait),
    reset: () => app.mock.reset(),
    fault(spec) {
      const decoded = decodeFaultSpec(spec);
      if (!decoded.ok) throw new Error(`fault: ${decoded.message}`);
      const armed = faults.arm(decoded.value);
      if (!armed.ok) throw new Error(`fault: ${armed.message}`);
      return armed.fault;
    },
    close: () => (closing ??= shutdown(app, server)),
  };
}
