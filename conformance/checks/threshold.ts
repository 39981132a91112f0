// GET /events/threshold: not in the documentation, but the official SDK reads it as it starts
// (event name -> how many times a session may send it). Basis sdk: a server that lacks it
// implements the docs page (it passes --profile docs), yet the SDK falls back to its defaults there.
import { always, type Check } from './check';

export const thresholdCheck: Check = {
  name: 'sdk.threshold',
  title:
    'GET /events/threshold answers a JSON object of event name -> non-negative integer (the SDK reads it)',
  covers: [],
  basis: 'sdk',
  why: 'the official SDK reads GET /events/threshold as it starts (the docs page does not list the route)',
  writes: 0,
  applies: always,
  async run(ctx) {
    const exchange = await ctx.send({
      label: 'GET /events/threshold',
      method: 'GET',
      path: '/events/threshold',
      headers: { origin: ctx.server.origin, accept: 'application/json' },
    });
    exchange.expected = '200 {name: integer >= 0}';
    const got = exchange.received;
    if (!got) return;
    if (got.status !== 200)
      ctx.fail({ aspect: 'status', message: 'threshold: status', expected: 200, got: got.status }, exchange);
    const body = got.json;
    const ok =
      body !== null &&
      typeof body === 'object' &&
      !Array.isArray(body) &&
      Object.values(body).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
    if (!ok) {
      ctx.fail(
        {
          aspect: 'body',
          message: 'threshold: body',
          expected: 'an object of event name -> non-negative integer',
          got: body ?? got.text,
        },
        exchange,
      );
    }
  },
};
