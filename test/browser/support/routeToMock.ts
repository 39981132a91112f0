// The browser tests' network: the package's routeToMock (tga-contract/playwright) sends the SDK's
// backends to the mock, and every other request but loopback is aborted and logged, so nothing
// leaves the machine and a new outside host shows up in a test.
import type { BrowserContext } from 'playwright-core';
import { routeToMock as routeSdkToMock, type RelayedRequest } from '../../../playwright';

export type { RelayedRequest };

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

export interface RouteLog {
  /** Requests for the SDK's backends, answered by the mock (as each settles). */
  relayed: RelayedRequest[];
  /** URLs of requests to other hosts, aborted. */
  aborted: string[];
}

/** Routes the SDK's backends to the mock at `mockUrl`, aborts other non-loopback requests. */
export async function routeToMock(context: BrowserContext, mockUrl: string): Promise<RouteLog> {
  const log: RouteLog = { relayed: [], aborted: [] };
  // Registered first, so it runs last: only for what the SDK routing below does not take.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.includes(url.hostname)) return route.continue();
    log.aborted.push(url.toString());
    return route.abort('blockedbyclient');
  });
  await routeSdkToMock(context, mockUrl, { onRelayed: (r) => log.relayed.push(r) });
  return log;
}
