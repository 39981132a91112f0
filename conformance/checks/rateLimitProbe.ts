// The one way to see 429 on a real server: send requests until it answers 429, bounded by
// --probe-rate-limit. Bodies are empty arrays, so a server that never limits stores nothing.
import type { Check } from './check';

export const rateLimitProbe: Check = {
  name: 'probe.rate-limit',
  title: 'repeated requests are eventually answered 429 "Too many requests. Try again later."',
  covers: ['RATE_LIMITED'],
  writes: 0,
  applies: (server) =>
    server.probeRateLimit > 0
      ? true
      : { code: 'probe-not-asked', message: 'not asked for: pass --probe-rate-limit [N] to probe 429' },
  async run(ctx) {
    const limit = ctx.server.probeRateLimit;
    for (let i = 1; i <= limit; i++) {
      const exchange = await ctx.post({ label: `request ${i} of at most ${limit} (body [])`, body: [] });
      if (exchange.error) return;
      if (exchange.received?.status === 429) {
        // Only the deciding exchange is worth reporting.
        ctx.keepLastExchange();
        ctx.expectDocumented(exchange, 'RATE_LIMITED');
        ctx.note(
          `429 after ${i} requests; Retry-After: ${exchange.received.headers['retry-after'] ?? '(none)'}`,
        );
        return;
      }
    }
    ctx.keepLastExchange();
    ctx.skip('probe-no-429', `no 429 within ${limit} requests (raise --probe-rate-limit to probe further)`);
  },
};
