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

/**
 * Aborts every request to a host other than loopback that no later-registered route takes, and
 * returns the list their URLs go into. Register it before the routes it backs (Playwright runs the
 * last-registered route first).
 */
export async function abortOffMachine(context: BrowserContext): Promise<string[]> {
  const aborted: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.includes(url.hostname)) return route.continue();
    aborted.push(url.toString());
    return route.abort('blockedbyclient');
  });
  return aborted;
}

/** Routes the SDK's backends to the mock at `mockUrl`, aborts other non-loopback requests. */
export async function routeToMock(context: BrowserContext, mockUrl: string): Promise<RouteLog> {
  const aborted = await abortOffMachine(context);
  const log: RouteLog = { relayed: [], aborted };
  await routeSdkToMock(context, mockUrl, { onRelayed: (r) => log.relayed.push(r) });
  return log;
}
