// Sends every request a page makes to a hard-coded backend (the official SDK's
// https://tganalytics.xyz/) to the mock instead, so the mock is what answers — including the CORS
// preflight, which the relay asks the mock itself (see corsCheck.ts for why Playwright's own
// answer cannot be used). Every other non-loopback request is aborted: the network is closed.
import http from 'node:http';
import type { BrowserContext, Route } from 'playwright-core';
import { corsCheck, preflightCheck, preflightFor, type Headers, type Verdict } from './corsCheck';

export interface RelayedRequest {
  method: string;
  /** The URL the page asked for. */
  url: string;
  preflight: { status: number; verdict: Verdict } | null;
  /** The mock's status, or null when the relay failed the request as the browser would. */
  status: number | null;
  verdict: Verdict;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

function askPreflight(url: string, headers: Headers): Promise<{ status: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'OPTIONS', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function relay(route: Route, target: string, log: RelayedRequest[]): Promise<void> {
  const request = route.request();
  const asked = new URL(request.url());
  const url = new URL(asked.pathname + asked.search, target).toString();
  const headers = await request.allHeaders();
  const origin = headers.origin;
  const entry: RelayedRequest = {
    method: request.method(),
    url: request.url(),
    preflight: null,
    status: null,
    verdict: { ok: true },
  };
  log.push(entry);
  const question = origin === undefined ? null : preflightFor(request.method(), headers);
  if (origin !== undefined && question !== null) {
    const answer = await askPreflight(url, {
      origin,
      'access-control-request-method': question.method,
      ...(question.headers.length > 0
        ? { 'access-control-request-headers': question.headers.join(',') }
        : {}),
    });
    entry.preflight = {
      status: answer.status,
      verdict: preflightCheck(origin, question, answer.status, answer.headers),
    };
    if (!entry.preflight.verdict.ok) {
      entry.verdict = entry.preflight.verdict;
      await route.abort('failed');
      return;
    }
  }
  const response = await route.fetch({ url, maxRedirects: 0 });
  entry.status = response.status();
  entry.verdict = origin === undefined ? { ok: true } : corsCheck(origin, response.headers());
  if (!entry.verdict.ok) {
    await route.abort('failed');
    return;
  }
  await route.fulfill({ response });
}

export interface RouteLog {
  relayed: RelayedRequest[];
  /** URLs of requests to other hosts, aborted. */
  aborted: string[];
}

/** Routes `backend` (an origin) to `target`; returns the log of relayed and aborted requests. */
export async function routeToMock(
  context: BrowserContext,
  backend: string,
  target: string,
): Promise<RouteLog> {
  const log: RouteLog = { relayed: [], aborted: [] };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === new URL(backend).origin) return relay(route, target, log.relayed);
    if (LOOPBACK.includes(url.hostname)) return route.continue();
    log.aborted.push(url.toString());
    return route.abort('blockedbyclient');
  });
  return log;
}
