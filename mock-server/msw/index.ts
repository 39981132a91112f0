// tga-contract/msw: the mock as MSW request handlers, for Node and jsdom tests (Jest, Vitest) with
// no port. The handlers answer the official SDK's hard-coded backends with the mock's own core
// (core/exchange.ts, the same code the HTTP server runs): a request gets the same status, body,
// headers and journal entry as over HTTP, and every rule applies (token, origin, rate limit, body
// limit, gzip/deflate/br, validation, faults).
//
//   import { setupServer } from 'msw/node';
//   import { createMswMock } from 'tga-contract/msw';
//   const mock = createMswMock();
//   const server = setupServer(...mock.handlers);
//
// `msw` 2.x is an optional peer dependency (msw 3 needs Node 22).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { DEMO_CLAIMS, claimsFor } from '../../schema/token';
import { readBuffer } from '../core/body';
import { corsHeaders, preflightHeaders } from '../core/cors';
import { prepareAnswer, settleExchange, type ExchangeRequest } from '../core/exchange';
import { decodeFaultSpec, type FaultSpec } from '../core/faultSpec';
import type { Fault } from '../core/faults';
import type { EntryKind, JournalEntry, JournalFilter, RequestLogEntry, WaitOptions } from '../core/journal';
import type { MockOptions } from '../core/options';
import { createRuntime, type MockDeps, type Runtime } from '../core/runtime';
import { checkToken, createToken } from '../core/tokenSignature';

/** The official SDK's backends: production, and staging (`env: 'STG'`). */
export const SDK_BACKENDS = ['https://tganalytics.xyz', 'https://staging.tganalytics.xyz'] as const;

export interface MswMock {
  /** Request handlers for both backends: `setupServer(...mock.handlers)` or `setupWorker(...)`. */
  handlers: RequestHandler[];
  /** A token this mock accepts, for app `appName` on domain `appDomain`. */
  token(appName?: string, appDomain?: string): string;
  /** Recorded events, oldest first: copies. */
  events(filter?: JournalFilter): JournalEntry[];
  /** Every POST /events seen, accepted or not (the request log). */
  requests(): RequestLogEntry[];
  /** Resolves with the matching entries once `count` (default 1) match; rejects after `timeoutMs` (default 5,000) listing what arrived. */
  waitForEvents(filter?: JournalFilter, options?: WaitOptions): Promise<JournalEntry[]>;
  /** Empties the journal and request log, disarms faults, forgets rate-limit counts. */
  reset(): void;
  /** Arms a fault (the same spec as POST /__mock/faults); throws on a malformed spec. */
  fault(spec: FaultSpec): Fault;
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new HttpResponse(JSON.stringify(body), { status, headers: { ...headers, ...JSON_TYPE } });
}

function rawHeaders(headers: Headers): string[] {
  const out: string[] = [];
  headers.forEach((value, name) => out.push(name, value));
  return out;
}

async function postEvents(rt: Runtime, request: Request, kind: EntryKind): Promise<Response> {
  const started = rt.now();
  const requestId = randomUUID();
  const h = request.headers;
  const token = h.get('tga-auth-token') ?? undefined;
  const origin = h.get('origin') ?? undefined;
  // No work before the token: the body is decompressed and parsed only for a token that verifies.
  const raw = Buffer.from(await request.arrayBuffer());
  const read = await readBuffer(
    raw,
    {
      contentEncoding: h.get('content-encoding') ?? undefined,
      contentType: h.get('content-type') ?? undefined,
    },
    rt.options.bodyLimit,
    checkToken(token, rt.decisionDeps.secret).ok,
  );
  const exchange: ExchangeRequest = {
    kind,
    requestId,
    started,
    method: request.method,
    path: new URL(request.url).pathname,
    token,
    origin,
    referer: h.get('referer') ?? undefined,
    rawHeaders: rawHeaders(h),
    read,
  };
  const prepared = prepareAnswer(rt, exchange);
  const { decision } = prepared;
  if (decision.delayMs) await sleep(decision.delayMs);
  // In process, an answer handed to MSW is delivered; a reset fault is a network error instead.
  settleExchange(rt, exchange, prepared, !decision.reset);
  if (decision.reset) return HttpResponse.error();
  return json(decision.status, decision.body, {
    ...prepared.headers,
    'TGA-Mock-Request-Id': requestId,
    ...corsHeaders(origin),
  });
}

export function createMswMock(options: Partial<MockOptions> = {}, deps: MockDeps = {}): MswMock {
  const rt = createRuntime({ logLevel: 'silent', ...options }, deps);
  // Every answer carries a request id, as over HTTP.
  const preflight = ({ request }: { request: Request }) =>
    new HttpResponse(null, {
      status: 204,
      headers: {
        ...preflightHeaders(request.headers.get('origin') ?? undefined),
        'TGA-Mock-Request-Id': randomUUID(),
      },
    });
  const handlers = SDK_BACKENDS.flatMap((base) => [
    http.options(`${base}/events`, preflight),
    http.options(`${base}/events/threshold`, preflight),
    http.options(`${base}/events/fingerprint`, preflight),
    http.post(`${base}/events`, ({ request }) => postEvents(rt, request, 'event')),
    // Not in the docs: the official SDK sends it after a TON Connect wallet connects.
    http.post(`${base}/events/fingerprint`, ({ request }) => postEvents(rt, request, 'fingerprint')),
    // Not in the docs: the official SDK fetches it at start to learn per-session caps.
    http.get(`${base}/events/threshold`, ({ request }) =>
      json(200, rt.options.threshold, {
        ...corsHeaders(request.headers.get('origin') ?? undefined),
        'TGA-Mock-Request-Id': randomUUID(),
      }),
    ),
  ]);
  return {
    handlers,
    token: (appName = DEMO_CLAIMS.app_name, appDomain = DEMO_CLAIMS.app_domain) =>
      createToken(claimsFor(appName, appDomain), rt.options.secret),
    events: (filter) => rt.journal.query(filter).events,
    requests: () => rt.journal.requests({ limit: Number.MAX_SAFE_INTEGER }),
    waitForEvents: (filter = {}, wait) => rt.journal.waitFor(filter, wait),
    reset: () => rt.reset(),
    fault(spec) {
      const decoded = decodeFaultSpec(spec);
      if (!decoded.ok) throw new Error(`fault: ${decoded.message}`);
      const armed = rt.faults.arm(decoded.value);
      if (!armed.ok) throw new Error(`fault: ${armed.message}`);
      return armed.fault;
    },
  };
}

export type { MockOptions, JournalEntry, JournalFilter, WaitOptions, FaultSpec, Fault, RequestLogEntry };
