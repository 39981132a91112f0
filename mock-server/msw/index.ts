// tga-contract/msw: the mock as MSW request handlers, for Node and jsdom tests (Jest, Vitest) with
// no port. The handlers answer the official SDK's hard-coded backends with the mock's own core
// (core/frame.ts, the same code the HTTP server runs): a request gets the same status, body,
// headers and journal entry as over HTTP, and every rule applies (token, origin, rate limit, body
// limit, gzip/deflate/br, validation, faults). The edges too: a client that aborts is not answered
// and nothing is recorded; a body is read bounded (msw/readBody.ts); a failing body stream is a 400.
//
//   import { setupServer } from 'msw/node';
//   import { createMswMock } from 'tga-contract/msw';
//   const mock = createMswMock();
//   const server = setupServer(...mock.handlers);
//
// `msw` 2.x is an optional peer dependency (msw 3 needs Node 22).
import { setTimeout as sleep } from 'node:timers/promises';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { createFrame, type Frame } from '../core/frame';
import type { FaultSpec } from '../core/faultSpec';
import type { Fault } from '../core/faults';
import type { JournalEntry, JournalFilter, RequestLogEntry, WaitOptions } from '../core/journal';
import type { MockOptions } from '../core/options';
import { createRuntime, type MockDeps } from '../core/runtime';
import { notAllowedOn, SDK_BACKENDS, SDK_PATHS, SDK_ROUTES, type SdkRoute } from '../core/sdkRoutes';
import { testHandle, type TestHandle } from '../core/testHandle';
import { FETCH, rawHeaders } from './transport';

export { SDK_BACKENDS } from '../core/sdkRoutes';

export interface MswMock extends TestHandle {
  /** Request handlers for both backends: `setupServer(...mock.handlers)` or `setupWorker(...)`. */
  handlers: RequestHandler[];
}

async function serve(frame: Frame<Request>, route: SdkRoute, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const answer = await frame.answer(route, request, request.method, path, rawHeaders(request.headers));
  // The client went away while its body was read: nobody to answer.
  if (answer === undefined) return HttpResponse.error();
  const { signal } = request;
  // A client that aborts during a latency fault ends the wait: it never gets its answer.
  if (answer.delayMs) await sleep(answer.delayMs, undefined, { signal }).catch(() => undefined);
  // As over HTTP, an answer reaches the client only if it is still there; a reset fault is a
  // network error instead (settle counts a dropped answer as not delivered).
  const reached = !signal.aborted;
  frame.settle(answer, reached);
  if (answer.drop || !reached) return HttpResponse.error();
  const headers = new Headers();
  for (let i = 0; i < answer.headers.length; i += 2) headers.append(answer.headers[i], answer.headers[i + 1]);
  return new HttpResponse(answer.text ?? null, { status: answer.status, headers });
}

const ON = { POST: http.post, GET: http.get, OPTIONS: http.options };

export function createMswMock(options: Partial<MockOptions> = {}, deps: MockDeps = {}): MswMock {
  const rt = createRuntime({ logLevel: 'silent', ...options }, deps);
  // The validating proxy forwards over the network: an in-process handler has none to offer.
  if (rt.options.upstream !== undefined) {
    void rt.journal.close();
    throw new Error(
      'createMswMock: upstream is not supported in process; use startMock({ upstream }) or tga-mock --upstream',
    );
  }
  const frame = createFrame(rt, FETCH);
  const handlers = SDK_BACKENDS.flatMap((base) => [
    ...SDK_ROUTES.map((route) =>
      ON[route.method](base + route.path, ({ request }) => serve(frame, route, request)),
    ),
    // Any other method on an SDK path: 405 with Allow, as over HTTP (after the routes, so they win).
    ...SDK_PATHS.map((path) =>
      http.all(base + path, ({ request }) => serve(frame, notAllowedOn(path, request.method), request)),
    ),
  ]);
  return { handlers, ...testHandle(rt) };
}

export type { MockOptions, JournalEntry, JournalFilter, WaitOptions, FaultSpec, Fault, RequestLogEntry };
