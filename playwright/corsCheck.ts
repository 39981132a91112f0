// The browser's CORS checks (WHATWG Fetch, "CORS-preflight fetch" and "CORS check"), redone for
// requests that Playwright routes. Routing switches Chromium's checks off: Playwright answers a
// routed request's preflight itself, allowing whatever was asked, and adds
// Access-Control-Allow-Origin to a fulfilled response that lacks it. So the relay asks the mock the
// preflight question and applies these checks to the mock's answers, failing the request as the
// browser would.

export type Headers = Record<string, string>;
export type Verdict = { ok: true } | { ok: false; reason: string };

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];
const SAFELISTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
// Set by the browser itself, never by the page, so they never need the server's permission.
const BROWSER_HEADERS = [
  'accept-encoding',
  'connection',
  'content-length',
  'cookie',
  'host',
  'origin',
  'referer',
  'user-agent',
];

const isBrowserSet = (name: string) =>
  BROWSER_HEADERS.includes(name) || name.startsWith('sec-') || name.startsWith('proxy-');

/** Header names (lower case, sorted) that make a request need a preflight. */
export function unsafeHeaderNames(headers: Headers): string[] {
  return Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name, value]) => {
      if (
        isBrowserSet(name) ||
        name === 'accept' ||
        name === 'accept-language' ||
        name === 'content-language'
      )
        return false;
      if (name === 'content-type') return !SAFELISTED_CONTENT_TYPES.includes(value.split(';')[0].trim());
      return true;
    })
    .map(([name]) => name)
    .sort();
}

export interface PreflightQuestion {
  method: string;
  headers: string[];
}

/** What the browser would ask in a preflight, or null when the request needs none. */
export function preflightFor(method: string, headers: Headers): PreflightQuestion | null {
  const unsafe = unsafeHeaderNames(headers);
  if (SAFELISTED_METHODS.includes(method) && unsafe.length === 0) return null;
  return { method, headers: unsafe };
}

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');

/** The CORS check on any response: the origin must be allowed (the SDK's fetch sends no credentials). */
export function corsCheck(origin: string, headers: Headers): Verdict {
  const allowed = headers['access-control-allow-origin'];
  if (allowed === '*' || allowed === origin) return { ok: true };
  return {
    ok: false,
    reason: `Access-Control-Allow-Origin is ${JSON.stringify(allowed ?? null)}, not ${origin}`,
  };
}

export function preflightCheck(
  origin: string,
  question: PreflightQuestion,
  status: number,
  headers: Headers,
): Verdict {
  if (status < 200 || status > 299) return { ok: false, reason: `preflight answered ${status}` };
  const cors = corsCheck(origin, headers);
  if (!cors.ok) return cors;
  const methods = listOf(headers['access-control-allow-methods']);
  if (!SAFELISTED_METHODS.includes(question.method) && !methods.includes(question.method.toLowerCase()))
    return { ok: false, reason: `method ${question.method} not in Access-Control-Allow-Methods` };
  const allowedHeaders = listOf(headers['access-control-allow-headers']);
  const missing = question.headers.filter(
    (h) => !allowedHeaders.includes(h) && !allowedHeaders.includes('*'),
  );
  if (missing.length > 0)
    return { ok: false, reason: `headers not allowed by the preflight: ${missing.join(', ')}` };
  return { ok: true };
}
