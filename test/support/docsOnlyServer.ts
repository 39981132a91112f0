// A server written from the API documentation alone, outside the mock: it checks the token, the
// Origin and exactly the fields the docs' Body table lists, and accepts any field the table does
// not list. It knows nothing of the SDK (no threshold route, no nulls beyond the docs' own
// example). The conformance suite must pass it under --profile docs and report its warnings.
// Two options make it the servers of issue 22: `answers: 'live'` answers as the live service was
// reported to (202, a class-validator style report, Access-Control-Allow-Origin: *, and the
// GET /events/threshold the SDK reads), and
// `tokens: 'opaque'` checks tokens of its own design (`tok_` and 32 hex digits, looked up).
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { EVENT_NAMES } from '../../schema';

const SECRET = 'docs-only-server-secret';
const sign = (payload: string) => createHmac('sha256', SECRET).update(payload).digest('base64');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Rule = (v: unknown) => boolean;
const str: Rule = (v) => typeof v === 'string';
const num: Rule = (v) => typeof v === 'number';
const bool: Rule = (v) => typeof v === 'boolean';
const message: Rule = (m) =>
  !!m && typeof m === 'object' && str((m as never)['address']) && str((m as never)['amount']);
/** The docs' Body table; error_code may be null because the docs' own example sends null. */
const FIELDS: Record<string, Rule> = {
  user_id: num,
  event_name: (v) => (EVENT_NAMES as readonly unknown[]).includes(v),
  session_id: (v) => str(v) && UUID.test(v as string),
  app_name: str,
  is_premium: bool,
  is_success: bool,
  error_message: str,
  error_code: (v) => v === null || num(v),
  wallet_address: str,
  wallet_type: str,
  wallet_version: str,
  auth_type: (v) => v === 0 || v === 1,
  valid_until: str,
  from: str,
  messages: (v) => Array.isArray(v) && v.every(message),
  custom_data: (v) => !!v && typeof v === 'object' && !Array.isArray(v),
  client_timestamp: str,
  platform: str,
  locale: str,
  start_param: str,
  url_referer: str,
  scope: str,
};
const REQUIRED = ['user_id', 'event_name', 'session_id', 'app_name'];
const valid = (e: unknown): e is Record<string, unknown> => problems(e, 0).length === 0;

/** Why an event does not validate, in the class-validator style the live service was seen to use. */
function problems(e: unknown, i: number): string[] {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return [`events[${i}] must be an object`];
  const event = e as Record<string, unknown>;
  const bad = [
    ...REQUIRED.filter((k) => !(k in event)),
    ...Object.keys(event).filter((k) => k in FIELDS && k in event && !FIELDS[k](event[k])),
  ];
  return [...new Set(bad)].map(
    (k) =>
      `property events[${i}].${k} has failed the following constraints: ${k} should not be null or undefined`,
  );
}

export interface ServerDesign {
  /** `docs` (default): the docs' literal answers; `live`: 202, a report for a bad body, ACAO `*`. */
  answers?: 'docs' | 'live';
  /** `tga` (default): the known token shape, HMAC-signed; `opaque`: `tok_<32 hex>`, looked up. */
  tokens?: 'tga' | 'opaque';
}

/** The opaque tokens the servers know (shared, so a test can issue one before the server starts). */
const OPAQUE_APPS = new Map<string, { app_name: string; app_domain: string }>();
const OPAQUE = /^tok_[0-9a-f]{32}$/;

/** A token of the opaque design, for an app on a domain; `opaqueInvalidToken` is well-formed but unknown. */
export function opaqueToken(app_name: string, app_domain: string): string {
  const token = `tok_${randomBytes(16).toString('hex')}`;
  OPAQUE_APPS.set(token, { app_name, app_domain });
  return token;
}
export const opaqueInvalidToken = (): string => `tok_${randomBytes(16).toString('hex')}`;

function tgaClaims(header: string): { app_name?: unknown; app_domain?: unknown } | 'malformed' | 'invalid' {
  const [payload, signature, extra] = header.split('!');
  let claims: { app_name?: unknown; app_domain?: unknown } | undefined;
  try {
    claims =
      extra === undefined && Buffer.from(signature, 'base64').length === 32
        ? JSON.parse(Buffer.from(payload, 'base64').toString())
        : undefined;
  } catch {
    claims = undefined;
  }
  if (!claims || typeof claims !== 'object') return 'malformed';
  return signature === sign(payload) ? claims : 'invalid';
}

function opaqueClaims(
  header: string,
): { app_name?: unknown; app_domain?: unknown } | 'malformed' | 'invalid' {
  if (!OPAQUE.test(header)) return 'malformed';
  return OPAQUE_APPS.get(header) ?? 'invalid';
}

export function docsOnlyToken(app_name: string, app_domain: string): string {
  const payload = Buffer.from(JSON.stringify({ app_name, app_url: 'https://t.me/x', app_domain })).toString(
    'base64',
  );
  return `${payload}!${sign(payload)}`;
}

export async function startDocsOnlyServer(
  design: ServerDesign = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const live = design.answers === 'live';
  const claimsOf = design.tokens === 'opaque' ? opaqueClaims : tgaClaims;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const origin = req.headers.origin;
      const answer = (status: number, body?: object) => {
        res.writeHead(status, {
          'access-control-allow-origin': live ? '*' : (origin ?? '*'),
          ...(body ? { 'content-type': 'application/json' } : {}),
        });
        res.end(body ? JSON.stringify(body) : undefined);
      };
      // The live service serves what the SDK reads as it starts; the docs page does not list it.
      if (live && req.method === 'GET' && req.url === '/events/threshold') return answer(200, {});
      if (req.url !== '/events') return answer(404, { message: 'Not found' });
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-headers', 'TGA-Auth-Token, Content-Type, Content-Encoding');
        res.setHeader('access-control-allow-methods', 'POST');
        return answer(204);
      }
      if (req.method !== 'POST') return answer(404, { message: 'Not found' });
      const claims = claimsOf(String(req.headers['tga-auth-token'] ?? ''));
      if (claims === 'malformed')
        return answer(400, {
          message: 'The token is not specified in the headers or is specified incorrectly.',
        });
      if (claims === 'invalid') return answer(400, { message: 'Token is invalid.' });
      if (origin !== claims.app_domain) return answer(403, { message: 'The domain name does not match.' });
      let body: unknown;
      try {
        const raw = Buffer.concat(chunks);
        body = JSON.parse(
          (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'),
        );
      } catch {
        body = undefined;
      }
      const events = Array.isArray(body) ? body : [body];
      if (events.length === 0 || !events.every(valid)) {
        if (!live) return answer(400, { status: 400, message: 'VALIDATION_MISMATCH_REPORT' });
        const report = events.flatMap((e, i) => problems(e, i));
        return answer(400, { status: 400, message: report.length ? report : ['events must not be empty'] });
      }
      if (events.some((e) => e.app_name !== claims.app_name))
        return answer(400, { message: 'Invalid app_name is specified.' });
      answer(live ? 202 : 201, { message: 'Success record.' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
