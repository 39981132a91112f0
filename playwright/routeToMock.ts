// routeToMock: the official SDK's built-in backends (https://tganalytics.xyz/ and its staging twin)
// answered by the mock instead, in a Playwright page or browser context. The request goes to the
// mock unchanged (method, path, query, headers, body) and the page gets the mock's answer. By
// default it also makes an unmodified Mini App page hermetic (pageScripts.ts): the CDN scripts it
// loads are answered locally and the SDK's third-party hosts are refused (answered locally with an
// empty answer, so nothing leaves the machine and the page logs no uncaught error).
//
// Routing switches Chromium's own CORS checks off for a routed request (Playwright answers the
// preflight itself, allowing anything, and adds Access-Control-Allow-Origin to a fulfilled answer),
// so the relay asks the mock the preflight question the browser would have asked and applies the
// browser's checks to the mock's answers (corsCheck.ts): the page sees what a browser talking to
// the mock directly would see. Playwright-core is used for its types only.
import http from 'node:http';
import https from 'node:https';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { corsCheck, preflightCheck, preflightFor, type Headers, type Verdict } from './corsCheck';
import { kindOf, scriptFor, thirdPartyAnswer, type RequestKind } from './pageScripts';

export { SDK_BACKENDS, SDK_THIRD_PARTY_HOSTS } from './pageScripts';

/** One request the relay handled, for a test that wants to see the CORS side too. */
export interface RelayedRequest {
  method: string;
  /** The URL the page asked for. */
  url: string;
  /** The mock's answer to the preflight the browser would have sent, or null when none is needed. */
  preflight: { status: number; verdict: Verdict } | null;
  /** The mock's status, or null when the request failed (preflight refused, mock unreachable). */
  status: number | null;
  /** Whether the browser would accept the answer; the request fails in the page when not ok. */
  verdict: Verdict;
}

/** A request routeToMock answered without the mock, or refused. */
export interface HandledRequest {
  kind: 'sdk-script' | 'telegram-script' | 'third-party';
  url: string;
  /** What happened: the script served, or why it was refused (third party, SDK not installed). */
  outcome: 'served' | 'refused';
  reason?: string;
}

export interface RouteToMockOptions {
  /** Called once per relayed request, when it is settled. */
  onRelayed?: (request: RelayedRequest) => void;
  /** Called for each request answered locally (a CDN script) or refused (a third-party host). */
  onHandled?: (request: HandledRequest) => void;
  /** Answer `https://telegram.org/js/telegram-web-app.js*` with the Telegram stand-in. Default true. */
  telegramScript?: boolean;
  /**
   * Answer `https://tganalytics.xyz/index.js` (and staging's) with the installed
   * `@telegram-apps/analytics` browser bundle. Default true; when false it goes to the mock (404).
   */
  sdkScript?: boolean;
  /**
   * Refuse the SDK's third-party hosts (SDK_THIRD_PARTY_HOSTS): each request is answered locally
   * with a harmless empty answer (nothing is sent; an abort would be an uncaught page error).
   * Default true.
   */
  blockThirdParty?: boolean;
}

function askPreflight(url: URL, headers: Headers): Promise<{ status: number; headers: Headers }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'OPTIONS', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function relay(route: Route, mock: URL): Promise<RelayedRequest> {
  const request = route.request();
  const asked = new URL(request.url());
  const url = new URL(asked.pathname + asked.search, mock);
  const headers = await request.allHeaders();
  const origin = headers.origin;
  const entry: RelayedRequest = {
    method: request.method(),
    url: request.url(),
    preflight: null,
    status: null,
    verdict: { ok: true },
  };
  try {
    const question = origin === undefined ? null : preflightFor(request.method(), headers);
    if (origin !== undefined && question !== null) {
      const answer = await askPreflight(url, {
        origin,
        'access-control-request-method': question.method,
        ...(question.headers.length > 0
          ? { 'access-control-request-headers': question.headers.join(',') }
          : {}),
      });
      const verdict = preflightCheck(origin, question, answer.status, answer.headers);
      entry.preflight = { status: answer.status, verdict };
      if (!verdict.ok) {
        entry.verdict = verdict;
        await route.abort('failed');
        return entry;
      }
    }
    const response = await route.fetch({ url: url.toString(), maxRedirects: 0 });
    entry.status = response.status();
    entry.verdict = origin === undefined ? { ok: true } : corsCheck(origin, response.headers());
    if (entry.verdict.ok) await route.fulfill({ response });
    else await route.abort('failed');
  } catch (error) {
    // The mock is not there, or dropped the connection (its `reset` fault): a network error.
    entry.status = null;
    entry.verdict = { ok: false, reason: `no answer from the mock: ${(error as Error).message}` };
    await route.abort('connectionfailed').catch(() => undefined);
  }
  return entry;
}

async function answerLocally(route: Route, kind: HandledRequest['kind']): Promise<HandledRequest> {
  const url = route.request().url();
  if (kind === 'third-party') {
    // Answered here, not aborted: an abort is an uncaught error in the page (thirdPartyAnswer).
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
      body: thirdPartyAnswer(),
    });
    return {
      kind,
      url,
      outcome: 'refused',
      reason: 'a third-party host the SDK calls (blockThirdParty): answered locally, nothing sent',
    };
  }
  const script = scriptFor(kind);
  await route.fulfill({
    status: 200,
    contentType: 'text/javascript; charset=utf-8',
    headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
    body: script.body,
  });
  return script.error === undefined
    ? { kind, url, outcome: 'served' }
    : { kind, url, outcome: 'refused', reason: script.error };
}

/**
 * Sends the page's (or every page of the context's) requests for the SDK's backends
 * (`https://tganalytics.xyz/**`, `https://staging.tganalytics.xyz/**`) to the mock at `mockUrl`
 * (e.g. startMock()'s `url`). Unless turned off in `options`, it also answers the SDK's CDN script
 * with the installed SDK and Telegram's telegram-web-app.js with the stand-in, and refuses the
 * SDK's third-party hosts. Every other request is left alone. Resolves to a function that removes
 * the routing again.
 */
export async function routeToMock(
  target: Page | BrowserContext,
  mockUrl: string,
  options: RouteToMockOptions = {},
): Promise<() => Promise<void>> {
  const mock = new URL(mockUrl);
  if (mock.protocol !== 'http:' && mock.protocol !== 'https:')
    throw new Error(`routeToMock: mockUrl must be an http(s) URL, got ${mockUrl}`);
  const { telegramScript = true, sdkScript = true, blockThirdParty = true } = options;
  const taken: Record<RequestKind, boolean> = {
    api: true,
    'sdk-script': sdkScript,
    'telegram-script': telegramScript,
    'third-party': blockThirdParty,
  };
  // A script the option leaves out goes where it would without it: the SDK's to the mock.
  const kind = (url: URL): RequestKind | null => {
    const k = kindOf(url);
    if (k === null || taken[k]) return k;
    return k === 'sdk-script' ? 'api' : null;
  };
  const matches = (url: URL) => kind(url) !== null;
  const handler = async (route: Route) => {
    const k = kind(new URL(route.request().url()));
    // Settled first, reported after: an optional call would skip evaluating its argument.
    if (k === 'api' || k === null) {
      const entry = await relay(route, mock);
      options.onRelayed?.(entry);
    } else {
      const entry = await answerLocally(route, k);
      options.onHandled?.(entry);
    }
  };
  await target.route(matches, handler);
  return async () => {
    await target.unroute(matches, handler);
  };
}
