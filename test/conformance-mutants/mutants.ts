// The mutant servers: the mock with one deliberate deviation each, and the check that must catch
// it (and on which aspect). Every check of the registry must be caught by at least one mutant.
import { FOREIGN_ORIGIN } from '../../conformance/checks/responses';
import type { FailureAspect } from '../../conformance/run/types';
import { createRequestValidator, documentedResponse, EVENT_NAMES } from '../../schema';
import { AUTH_TOKEN } from '../../schema/headers';
import { decodeToken } from '../../schema/token';
import type { Mutation } from './mutantProxy';
import { answer, bodyOf, eventsOf, mapEvents, replaceJson, withBody } from './proxyBodies';

export interface Mutant {
  name: string;
  /** The check that names this deviation, and the aspect it must fail on. */
  caughtBy: string;
  aspect: FailureAspect;
  /** The deviation touches nothing else: the named check must be the only failure. */
  only?: true;
  /** The deviation is from an extension only (fields only real clients send): caught as a failure under --profile strict. */
  strict?: true;
  mutation: Mutation;
}

const validator = createRequestValidator({ strict: false });

/** The fields the API documentation's Body table lists, nothing else (docs/contract-decisions.md: where the schema departs from it). */
const DOCS_TABLE_FIELDS = new Set(
  'user_id event_name session_id app_name is_premium is_success error_message error_code wallet_address wallet_type wallet_version auth_type valid_until from messages custom_data client_timestamp platform locale start_param url_referer scope'.split(
    ' ',
  ),
);

export function mutants(goodToken: string): Mutant[] {
  const decoded = decodeToken(goodToken);
  const appName = decoded.ok ? decoded.token.claims.app_name : '';
  const appDomain = decoded.ok ? decoded.token.claims.app_domain : '';
  return [
    {
      // 202 too: the live service's success status, which a server may answer as it does.
      name: '200 instead of 201',
      caughtBy: 'response.recorded-single',
      aspect: 'status',
      mutation: {
        response: (res) => (res.status === 201 || res.status === 202 ? { ...res, status: 200 } : res),
      },
    },
    {
      name: 'a success body without its full stop ("Success record")',
      caughtBy: 'response.recorded-single',
      aspect: 'body',
      mutation: {
        response: (res) =>
          replaceJson(res, documentedResponse('RECORDED').body, { message: 'Success record' }),
      },
    },
    {
      name: '400 for a foreign origin (the domain answer with the wrong status)',
      caughtBy: 'response.domain-mismatch',
      aspect: 'status',
      only: true,
      mutation: {
        request: (req) =>
          req.headers.origin === FOREIGN_ORIGIN ? { ...answer('DOMAIN_MISMATCH'), status: 400 } : req,
      },
    },
    {
      name: 'a message text changed ("Token is invalid." without its full stop)',
      caughtBy: 'response.token-invalid',
      aspect: 'body',
      only: true,
      mutation: {
        response: (res) =>
          replaceJson(res, { message: 'Token is invalid.' }, { message: 'Token is invalid' }),
      },
    },
    {
      name: 'missing user_id accepted (filled with 0)',
      caughtBy: 'negative.missing.user_id',
      aspect: 'status',
      mutation: { request: (req) => mapEvents(req, (e) => ('user_id' in e ? e : { ...e, user_id: 0 })) },
    },
    {
      name: 'wrong types accepted (answered 201 when only type errors)',
      caughtBy: 'negative.wrong-type.is_premium',
      aspect: 'status',
      mutation: {
        request: (req) => {
          const r = validator.validate(bodyOf(req));
          return !r.ok && r.errors.every((e) => e.keyword === 'type') ? answer('RECORDED') : req;
        },
      },
    },
    {
      name: 'unknown event_name accepted (stored as custom-event)',
      caughtBy: 'negative.not-in-enum.event_name',
      aspect: 'status',
      mutation: {
        request: (req) =>
          mapEvents(req, (e) =>
            typeof e.event_name === 'string' && !(EVENT_NAMES as readonly string[]).includes(e.event_name)
              ? { ...e, event_name: 'custom-event' }
              : e,
          ),
      },
    },
    {
      name: 'app_name not checked',
      caughtBy: 'response.app-name-mismatch',
      aspect: 'status',
      mutation: {
        request: (req) =>
          mapEvents(req, (e) => (typeof e.app_name === 'string' ? { ...e, app_name: appName } : e)),
      },
    },
    {
      name: 'origin not checked',
      caughtBy: 'response.domain-mismatch',
      aspect: 'status',
      only: true,
      // The Origin becomes the token's own: the server never sees a foreign one (dropping it would
      // do for the mock, which lets a request without Origin pass, but not for a server that refuses it).
      mutation: {
        request: (req) => {
          const { origin: _o, referer: _r, ...headers } = req.headers;
          return { ...req, headers: { ...headers, origin: appDomain } };
        },
      },
    },
    {
      name: 'forged signature accepted (any well-formed token passes)',
      caughtBy: 'response.token-invalid',
      aspect: 'status',
      only: true,
      mutation: {
        request: (req) => {
          const token = req.headers[AUTH_TOKEN.lower];
          return token && decodeToken(token).ok
            ? { ...req, headers: { ...req.headers, [AUTH_TOKEN.lower]: goodToken } }
            : req;
        },
      },
    },
    {
      name: 'part of a bad batch recorded (valid events stored, 400 answered)',
      caughtBy: 'mock.rejected-batch-records-nothing',
      aspect: 'journal',
      mutation: {
        request: async (req, ctx) => {
          const body = bodyOf(req);
          if (!Array.isArray(body) || validator.validate(body).ok) return req;
          const valid = body.filter((e) => validator.validate([e]).ok);
          if (valid.length) await ctx.forward(withBody(req, valid));
          return answer('VALIDATION');
        },
      },
    },
    {
      name: 'gzip not understood (body passed on still compressed, encoding dropped)',
      caughtBy: 'positive.gzip-batch',
      aspect: 'status',
      mutation: {
        request: (req) => {
          const { 'content-encoding': _gone, ...headers } = req.headers;
          return { ...req, headers };
        },
      },
    },
    {
      name: 'wrong content type (text/plain)',
      caughtBy: 'response.token-missing',
      aspect: 'content-type',
      mutation: {
        response: (res) => ({
          ...res,
          headers: { ...res.headers, 'content-type': 'text/plain; charset=utf-8' },
        }),
      },
    },
    {
      name: 'missing token accepted',
      caughtBy: 'response.token-missing',
      aspect: 'status',
      only: true,
      mutation: {
        request: (req) =>
          req.headers[AUTH_TOKEN.lower]
            ? req
            : { ...req, headers: { ...req.headers, [AUTH_TOKEN.lower]: goodToken } },
      },
    },
    {
      name: 'garbled token answered "Token is invalid."',
      caughtBy: 'response.token-garbled',
      aspect: 'body',
      only: true,
      mutation: {
        request: (req) => {
          const token = req.headers[AUTH_TOKEN.lower];
          return token && !decodeToken(token).ok ? answer('TOKEN_INVALID') : req;
        },
      },
    },
    {
      name: '"Failed to record" answered 500',
      caughtBy: 'mock.record-failure',
      aspect: 'status',
      only: true,
      mutation: {
        response: (res) =>
          res.body.toString('utf8') === JSON.stringify(documentedResponse('RECORD_FAILED').body)
            ? { ...res, status: 500 }
            : res,
      },
    },
    {
      name: '429 with an undocumented body',
      caughtBy: 'mock.rate-limit-fault',
      aspect: 'body',
      only: true,
      mutation: {
        response: (res) =>
          res.status === 429 ? { ...res, body: Buffer.from('{"error":"rate_limited"}') } : res,
      },
    },
    {
      name: 'batches acknowledged but only their first event stored',
      caughtBy: 'mock.journal-matches-acknowledged',
      aspect: 'journal',
      only: true,
      mutation: {
        request: (req) => {
          const body = bodyOf(req);
          return Array.isArray(body) &&
            body.length > 1 &&
            validator.validate(body).ok &&
            eventsOf(req).every((e) => e.app_name === appName)
            ? withBody(req, [body[0]])
            : req;
        },
      },
    },
    {
      name: 'no validation at all (anything with a good token is answered 201)',
      caughtBy: 'negative.body.empty-array',
      aspect: 'status',
      mutation: { request: (req) => (validator.validate(bodyOf(req)).ok ? req : answer('RECORDED')) },
    },
    {
      name: 'null values rejected (the docs table types taken literally)',
      // The docs' own third example sends "error_code": null.
      caughtBy: 'positive.documented-examples',
      aspect: 'status',
      mutation: {
        request: (req) =>
          eventsOf(req).some((e) => Object.values(e).includes(null)) ? answer('VALIDATION') : req,
      },
    },
    {
      name: 'fields outside the docs table rejected (TON Connect and invoice fields)',
      caughtBy: 'extension.sdk-shaped',
      aspect: 'status',
      strict: true,
      mutation: {
        request: (req) =>
          eventsOf(req).some((e) => Object.keys(e).some((k) => !DOCS_TABLE_FIELDS.has(k)))
            ? answer('VALIDATION')
            : req,
      },
    },
    {
      name: 'an array of one event rejected',
      caughtBy: 'positive.batch-1',
      aspect: 'status',
      mutation: {
        request: (req) =>
          Array.isArray(bodyOf(req)) && eventsOf(req).length === 1 ? answer('VALIDATION') : req,
      },
    },
    {
      name: 'batches over 10 events rejected',
      caughtBy: 'positive.batch-20',
      aspect: 'status',
      only: true,
      mutation: {
        request: (req) =>
          Array.isArray(bodyOf(req)) && eventsOf(req).length > 10 ? answer('VALIDATION') : req,
      },
    },
    {
      name: 'a single event object (not an array) rejected',
      caughtBy: 'response.recorded-single',
      aspect: 'status',
      mutation: {
        request: (req) => {
          const body = bodyOf(req);
          return body && typeof body === 'object' && !Array.isArray(body) ? answer('VALIDATION') : req;
        },
      },
    },
    {
      name: 'no CORS preflight (OPTIONS answered 404)',
      caughtBy: 'cors.preflight',
      aspect: 'status',
      only: true,
      mutation: {
        other: (req) =>
          req.method === 'OPTIONS'
            ? { status: 404, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') }
            : undefined,
      },
    },
    {
      name: 'a preflight that does not allow Content-Encoding',
      caughtBy: 'cors.preflight',
      aspect: 'header',
      only: true,
      mutation: {
        other: (req) =>
          req.method === 'OPTIONS'
            ? {
                status: 204,
                headers: {
                  'access-control-allow-origin': req.headers.origin ?? '*',
                  'access-control-allow-methods': 'POST',
                  'access-control-allow-headers': 'TGA-Auth-Token, Content-Type',
                },
                body: Buffer.alloc(0),
              }
            : undefined,
      },
    },
    {
      name: 'no Access-Control-Allow-Origin on answers',
      caughtBy: 'cors.allow-origin',
      aspect: 'header',
      only: true,
      mutation: {
        response: (res) => {
          const { 'access-control-allow-origin': _gone, ...headers } = res.headers;
          return { ...res, headers };
        },
      },
    },
    {
      name: "only the first event's app_name checked",
      caughtBy: 'response.app-name-mismatch-later',
      aspect: 'status',
      mutation: {
        request: (req) => {
          const events = eventsOf(req);
          return Array.isArray(bodyOf(req)) && events[0]?.app_name === appName
            ? mapEvents(req, (e) => ({ ...e, app_name: appName }))
            : req;
        },
      },
    },
    {
      name: 'no GET /events/threshold (404)',
      // Basis sdk: the default profile fails it.
      caughtBy: 'sdk.threshold',
      aspect: 'status',
      only: true,
      mutation: {
        other: (req) =>
          req.method === 'GET' && req.path.startsWith('/events/threshold')
            ? { status: 404, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') }
            : undefined,
      },
    },
  ];
}
