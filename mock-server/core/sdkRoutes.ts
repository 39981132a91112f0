// The SDK-facing routes, written once: the Express app registers them, the server's hot path
// (http/server.ts) answers them without the router, and the MSW handlers serve them on both of
// the SDK's backends. A new endpoint is one row here (and, for a new kind of answer, one branch in
// core/frame.ts).
import type { EntryKind } from './journal';

/** The official SDK's backends: production, and staging (`env: 'STG'`). */
export const SDK_BACKENDS = ['https://tganalytics.xyz', 'https://staging.tganalytics.xyz'] as const;

export interface SdkRoute {
  readonly method: 'POST' | 'GET' | 'OPTIONS';
  readonly path: string;
  /**
   * What answers: an exchange recording this kind of entry, the threshold, a CORS preflight, or
   * (`notAllowedOn`) the 405 of a method the path does not serve.
   */
  readonly serves: EntryKind | 'threshold' | 'preflight' | 'not-allowed';
}

// Each path also answers the CORS preflight the browser sends before a cross-origin request
// (the SDK's requests are cross-origin and carry TGA-Auth-Token): see SDK_ROUTES.
const ANSWERED: readonly SdkRoute[] = [
  { method: 'POST', path: '/events', serves: 'event' },
  // Not in the docs: the official SDK sends it after a TON Connect wallet connects.
  { method: 'POST', path: '/events/fingerprint', serves: 'fingerprint' },
  // Not in the docs: the official SDK fetches it at start (2 s timeout) to learn per-session caps.
  { method: 'GET', path: '/events/threshold', serves: 'threshold' },
];

export const SDK_PATHS: readonly string[] = ANSWERED.map((r) => r.path);

export const SDK_ROUTES: readonly SdkRoute[] = Object.freeze(
  [...ANSWERED, ...SDK_PATHS.map((path): SdkRoute => ({ method: 'OPTIONS', path, serves: 'preflight' }))].map(
    (r) => Object.freeze(r),
  ),
);

/** POST /events, the route the SDK posts its batches to. */
export const EVENTS_ROUTE: SdkRoute = SDK_ROUTES[0];

/**
 * The route of a request line, matched exactly (the query ignored), or undefined. Allocation-free:
 * the server's hot path asks it for every request.
 */
export function sdkRoute(method: string | undefined, url: string | undefined): SdkRoute | undefined {
  if (url === undefined) return undefined;
  for (const route of SDK_ROUTES) {
    if (route.method !== method || !url.startsWith(route.path)) continue;
    // '?' (63) starts the query.
    if (url.length === route.path.length || url.charCodeAt(route.path.length) === 63) return route;
  }
  return undefined;
}

/**
 * The methods an SDK path serves, for the `Allow` of its 405 (RFC 9110 §15.5.6): HEAD with GET, as
 * Node answers HEAD for a GET route. Undefined for a path that is not the SDK's.
 */
export function allowedMethods(path: string): string | undefined {
  const methods = SDK_ROUTES.filter((r) => r.path === path).map((r) => r.method);
  if (methods.length === 0) return undefined;
  return methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
}

/** The route a method an SDK path does not serve is answered on (405 with `Allow`). */
export function notAllowedOn(path: string, method: string): SdkRoute {
  return { method: method as SdkRoute['method'], path, serves: 'not-allowed' };
}
