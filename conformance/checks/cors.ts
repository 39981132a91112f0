// What a browser needs to use POST /events at all. The official SDK runs in the Telegram WebView
// on the Mini App's own domain, so every request is cross-origin: the preflight must let it send
// TGA-Auth-Token, Content-Type and Content-Encoding (the SDK gzips), and every answer — a 201 and
// an error alike — must carry Access-Control-Allow-Origin for the page's origin, or the page can
// read neither. Basis sdk (the docs page never mentions CORS): without them no browser client works.
import { AUTH_TOKEN } from '../../schema/headers';
import { describeObservation } from '../run/bases';
import { always, type Check } from './check';
import type { CheckContext } from '../run/checkContext';
import type { Exchange } from '../run/types';

/** The request headers the SDK sends that are not CORS-safelisted. */
export const BROWSER_HEADERS = [AUTH_TOKEN.name, 'Content-Type', 'Content-Encoding'];

/** Access-Control-Allow-Origin lets `origin` read the answer: the origin itself, or `*`. */
function allowsOrigin(ctx: CheckContext, exchange: Exchange, what: string): void {
  const got = exchange.received;
  if (!got) return; // the transport failure is recorded
  const value = got.headers['access-control-allow-origin'];
  if (value !== '*' && value !== ctx.server.origin) {
    ctx.fail(
      {
        aspect: 'header',
        message: `${what}: Access-Control-Allow-Origin`,
        expected: `${ctx.server.origin} (or *)`,
        got: value ?? '(none)',
      },
      exchange,
    );
  }
}

const CROSS_ORIGIN =
  "the official SDK runs in the Telegram WebView on the Mini App's domain, so every request is cross-origin (the docs page does not mention CORS)";

const tokens = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

export const corsChecks: Check[] = [
  {
    name: 'cors.preflight',
    title: `the CORS preflight of POST /events lets a browser send ${BROWSER_HEADERS.join(', ')}`,
    covers: [],
    basis: 'sdk',
    why: `${CROSS_ORIGIN}: the browser sends a POST with these headers only after a preflight that allows them`,
    writes: 0,
    applies: always,
    async run(ctx) {
      const exchange = await ctx.send({
        label: 'OPTIONS /events (preflight of a POST with the SDK headers)',
        method: 'OPTIONS',
        path: '/events',
        headers: {
          origin: ctx.server.origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': BROWSER_HEADERS.map((h) => h.toLowerCase()).join(','),
        },
      });
      exchange.expected = '2xx, CORS allows them';
      const got = exchange.received;
      if (!got) return;
      if (got.status < 200 || got.status > 299) {
        ctx.fail(
          { aspect: 'status', message: 'preflight: status', expected: '2xx', got: got.status },
          exchange,
        );
      }
      allowsOrigin(ctx, exchange, 'preflight');
      const methods = tokens(got.headers['access-control-allow-methods']);
      // Without the header only the CORS-safelisted methods (POST among them) are allowed.
      if (methods.length && !methods.includes('post') && !methods.includes('*')) {
        ctx.fail(
          {
            aspect: 'header',
            message: 'preflight: Access-Control-Allow-Methods',
            expected: 'POST',
            got: got.headers['access-control-allow-methods'],
          },
          exchange,
        );
      }
      const allowed = tokens(got.headers['access-control-allow-headers']);
      const missing = allowed.includes('*')
        ? []
        : BROWSER_HEADERS.filter((h) => !allowed.includes(h.toLowerCase()));
      if (missing.length) {
        ctx.fail(
          {
            aspect: 'header',
            message: 'preflight: Access-Control-Allow-Headers',
            expected: BROWSER_HEADERS.join(', '),
            got: got.headers['access-control-allow-headers'] ?? '(none)',
          },
          exchange,
        );
      }
    },
  },
  {
    name: 'cors.allow-origin',
    title: "a 201 and an error answer both carry Access-Control-Allow-Origin for the request's Origin",
    covers: ['RECORDED', 'VALIDATION'],
    basis: 'sdk',
    why: `${CROSS_ORIGIN}: a page reads no answer without Access-Control-Allow-Origin (the live service sends *: ${describeObservation('CORS_ANY_ORIGIN')})`,
    writes: 1,
    sends: 2,
    applies: always,
    async run(ctx) {
      const recorded = await ctx.expectPost(
        { label: 'valid event (the 201 must be readable by the page)', body: [ctx.event()] },
        'RECORDED',
      );
      allowsOrigin(ctx, recorded, 'the 201');
      const { user_id: _gone, ...invalid } = ctx.event();
      const error = await ctx.expectPost(
        { label: 'event without user_id (the 400 must be readable by the page)', body: [invalid] },
        'VALIDATION',
      );
      allowsOrigin(ctx, error, 'the 400');
    },
  },
];
