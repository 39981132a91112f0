import { createRateLimiter } from './rateLimit';

describe('fixed-window rate limiter', () => {
  test('allows `limit` per window per app, 429s do not count, resets at the window edge', () => {
    let t = 120_000 + 15_500; // 15.5 s into a 60 s window
    const rl = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => t });
    expect(rl.hit('a')).toEqual({ ok: true });
    expect(rl.hit('a')).toEqual({ ok: true });
    expect(rl.hit('b')).toEqual({ ok: true }); // per app
    expect(rl.hit('a')).toEqual({ ok: false, retryAfterSeconds: 45 }); // ceil(44.5)
    t += 44_000;
    expect(rl.hit('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    t += 500; // window edge
    expect(rl.hit('a')).toEqual({ ok: true });
    expect(rl.hit('a')).toEqual({ ok: true }); // the rejected hits were not counted in the old window either
    expect(rl.hit('a').ok).toBe(false);
  });

  test('limit 0 is off', () => {
    const rl = createRateLimiter({ limit: 0, windowMs: 1000, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(rl.hit('a').ok).toBe(true);
  });

  test('reset forgets the counts', () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 1000, now: () => 0 });
    rl.hit('a');
    expect(rl.hit('a').ok).toBe(false);
    rl.reset();
    expect(rl.hit('a').ok).toBe(true);
  });
});
