// GET /events/threshold: not in the documentation, but the official SDK reads it as it starts
// (event name -> how many times a session may send it). A warning check: a server that lacks it
// implements the docs, yet the SDK falls back to its defaults there.
import { always, type Check } from './check';

export const thresholdCheck: Check = {
  name: 'undocumented.threshold',
  title:
    'GET /events/threshold answers a JSON object of event name -> non-negative integer (the SDK reads it)',
  covers: [],
  basis: 'undocumented',
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
