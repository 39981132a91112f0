// The mock's one line per request, written the same way by every shell (the frame's SDK routes,
// the proxy, the Express routes): the token (and its signature) is never part of it, only its app
// name. Callers check `logger.isLevelEnabled('info')` once, so nothing is built when it is off.
import type { Logger } from 'pino';

export interface RequestLine {
  requestId: string;
  method: string | undefined;
  path: string;
  /** The answer's status, or undefined when no answer reached the client. */
  status: number | undefined;
  reason: unknown;
  appName: unknown;
  /** When the request arrived (ms, on `now`'s clock). */
  started: number;
  /** --upstream: where the request was forwarded. */
  upstream?: string;
}

export function writeRequestLine(logger: Logger, now: () => number, line: RequestLine): void {
  logger.info({
    request_id: line.requestId,
    method: line.method,
    path: line.path,
    status: line.status ?? 'no answer',
    reason: line.reason,
    app_name: line.appName,
    ...(line.upstream === undefined ? {} : { upstream: line.upstream }),
    ms: now() - line.started,
  });
}
