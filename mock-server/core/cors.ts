// CORS for /events and /events/threshold, as headers (the Express middleware and the MSW handlers
// both apply them). The official SDK runs in a browser on the app's own domain, so its requests are
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

/** The same headers as a record. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  const list = corsHeaderList(origin);
  const out: Record<string, string> = {};
  for (let i = 0; i < list.length; i += 2) out[list[i]] = list[i + 1];
  return out;
}

/** The 204 answer to a preflight. */
export function preflightHeaders(origin: string | undefined): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    Vary: 'Origin',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}
