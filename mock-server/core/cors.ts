// CORS for the SDK's routes (core/sdkRoutes.ts), as headers: core/frame.ts puts them on every
// answer of those routes, and the Express app on the 404 of a method they do not serve. The official SDK runs in a browser on the app's own domain, so its requests are
// cross-origin: the preflight answers 204 for ANY origin (the domain rule is the POST's business,
// step 3), and every actual answer — 403 and 429 included — lets the page read the status, the
// body and the diagnostic headers.
export const ALLOWED_HEADERS = 'TGA-Auth-Token, Content-Type, Content-Encoding, Content';
export const EXPOSED_HEADERS =
  'TGA-Mock-Reason, TGA-Mock-Detail, TGA-Mock-Violations, TGA-Mock-Request-Id, Retry-After';

/** Headers on every actual answer of /events and /events/threshold, as name, value, name, value… */
export function corsHeaderList(origin: string | undefined): string[] {
  return [
    'Access-Control-Allow-Origin',
    origin ?? '*',
    'Vary',
    'Origin',
    'Access-Control-Expose-Headers',
    EXPOSED_HEADERS,
  ];
}

/** The headers of the 204 answer to a preflight, as name, value, name, value… */
export function preflightHeaderList(origin: string | undefined): string[] {
  return [
    'Access-Control-Allow-Origin',
    origin ?? '*',
    'Vary',
    'Origin',
    'Access-Control-Allow-Methods',
    'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers',
    ALLOWED_HEADERS,
    'Access-Control-Max-Age',
    '600',
  ];
}
