// createApp(options): the Express 5 shell around the decision core. Returns the app without
// listening (supertest drives it in-process; the CLI and startMock listen). The runtime state
// (journal, faults, limiter) hangs off `app.mock` for in-process helpers and later views.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { FaultStore } from '../core/faults';
import type { Journal } from '../core/journal';
import type { MockOptions } from '../core/options';
import type { RateLimiter } from '../core/rateLimit';
import { writeRequestLine } from '../core/requestLine';
import { createRuntime, type MockDeps } from '../core/runtime';
import { EVENTS_ROUTE, notAllowedOn, SDK_PATHS, SDK_ROUTES, type SdkRoute } from '../core/sdkRoutes';
import { createInspectorRouter } from '../inspector/createInspectorRouter';
import { controlGate } from './controlGate';
import { controlRoutes } from './controlRoutes';
import { proxyHandler } from './proxyHandler';
import { sdkHandler, type SdkHandler } from './sdkHandler';
import { sendReason } from './send';
import { sendTelegramScript, TELEGRAM_SCRIPT_PATH } from './telegramScript';
import { packageVersion } from '../../cli-kit';

export type { MockDeps } from '../core/runtime';

export interface MockRuntime {
  readonly options: MockOptions;
  readonly journal: Journal;
  readonly faults: FaultStore;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** Empties the journal and its counters, disarms every fault, forgets rate-limit counts. */
  reset(): void;
  /** Ends the inspector's live feeds, which would otherwise hold a graceful shutdown open. */
  endStreams(): void;
  /** Flushes and closes the journal file. */
  close(): Promise<void>;
  /** POST /events on Node's own request and response: the mock's server calls it without the router. */
  readonly handleEvents: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * The app as the package's types show it: a Node request listener (`http.createServer(app)`,
 * supertest's `request(app)`) with its state on `app.mock`. It is an Express app; its type names
 * no Express type, so a project checking the package's .d.ts files needs no @types/express.
 */
export interface MockApp {
  (req: IncomingMessage, res: ServerResponse): void;
  mock: MockRuntime;
}

// Each app's handler of the SDK's routes, for the server's hot path (not part of MockRuntime's shape).
const sdkHandlers = new WeakMap<MockApp, SdkHandler>();

/**
 * The handler the app routes the SDK's routes to, for a server that answers them without the
 * router (an app createApp did not make is left to route them itself).
 */
export function sdkHandlerOf(app: MockApp): SdkHandler {
  return sdkHandlers.get(app) ?? ((_route, req, res) => app(req, res));
}

/** Registers one SDK route on the app. */
function route(app: Express, r: SdkRoute, sdk: SdkHandler): void {
  const handle = (req: Request, res: Response) => sdk(r, req, res);
  if (r.method === 'POST') app.post(r.path, handle);
  else if (r.method === 'GET') app.get(r.path, handle);
  else app.options(r.path, handle);
}

function requestLine(logger: Logger, now: () => number) {
  const logs = logger.isLevelEnabled('info');
  return (req: Request, res: Response, next: NextFunction) => {
    const id = randomUUID();
    const started = now();
    res.locals.requestId = id;
    res.setHeader('TGA-Mock-Request-Id', id);
    // When the level is off, no listener at all: a per-request closure costs on the hot path.
    if (!logs) return next();
    res.on('close', () =>
      writeRequestLine(logger, now, {
        requestId: id,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.writableFinished ? res.statusCode : undefined,
        reason: res.getHeader('TGA-Mock-Reason'),
        appName: res.locals.appName,
        started,
      }),
    );
    next();
  };
}

export function createApp(options: Partial<MockOptions> = {}, deps: MockDeps = {}): MockApp {
  const runtime = createRuntime(options, deps);
  const { options: opts, journal, faults, limiter, logger, now } = runtime;

  const app = express() as Express & MockApp;
  app.disable('x-powered-by');
  app.set('etag', false); // a 201 must stay a 201, never a 304
  // The SDK's routes come before the request-line middleware: their answers carry their own
  // request id and line (core/frame.ts), so it never sees them.
  // --upstream: the same routes, forwarded (a validating proxy) instead of answered.
  const sdk = opts.upstream === undefined ? sdkHandler(runtime) : proxyHandler(runtime);
  for (const r of SDK_ROUTES) route(app, r, sdk);
  // Another method on an SDK path: 405 with Allow, from the frame (CORS and request id as on the
  // path's own answers); never forwarded, even by the proxy.
  const notAllowed = opts.upstream === undefined ? sdk : sdkHandler(runtime);
  for (const path of SDK_PATHS)
    app.all(path, (req, res) => notAllowed(notAllowedOn(path, req.method), req, res));
  app.use(requestLine(logger, now));
  // The Telegram stand-in, for a page that loads Telegram's script from the mock.
  app.get(TELEGRAM_SCRIPT_PATH, sendTelegramScript);
  // Everything under /__mock: no cross-site use (Host, Origin, Sec-Fetch-Site, JSON content type).
  app.use('/__mock', controlGate({ boundHost: opts.host, allowedHosts: opts.allowedHosts }));
  // No /__mock route answers OPTIONS (the control API grants no CORS preflight). Without this,
  // Express's routers answer OPTIONS on their GET paths themselves, 200 text/plain "GET, HEAD".
  app.use('/__mock', (req: Request, res: Response, next: NextFunction) =>
    req.method === 'OPTIONS' ? sendReason(res, 'NOT_FOUND') : next(),
  );
  // The inspector page (GET /__mock/) and its live feed, under the control API's access rule.
  const inspector = createInspectorRouter(journal, { adminToken: opts.adminToken });
  app.use('/__mock', inspector);
  app.use(
    '/__mock',
    controlRoutes({
      options: opts,
      journal,
      faults,
      version: packageVersion(),
      reset: () => app.mock.reset(),
    }),
  );
  app.use((_req: Request, res: Response) => sendReason(res, 'NOT_FOUND'));
  // Express would answer errors in HTML: answer JSON instead. 4xx errors are the client's
  // (e.g. a malformed %-escape in the path); anything else is ours and logged.
  app.use((err: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return void res.destroy();
    const status = err.status ?? 500;
    if (status >= 400 && status < 500) return sendReason(res, 'MALFORMED_REQUEST');
    logger.error({ err }, 'unexpected error');
    sendReason(res, 'INTERNAL_ERROR');
  });

  app.mock = {
    options: opts,
    journal,
    faults,
    limiter,
    logger,
    reset: () => runtime.reset(),
    endStreams: () => inspector.endStreams(),
    handleEvents: (req, res) => sdk(EVENTS_ROUTE, req, res),
    close: () => journal.close(),
  };
  sdkHandlers.set(app, sdk);
  return app;
}
