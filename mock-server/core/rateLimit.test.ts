import { createRateLimiter, MAX_APPS, MAX_KEY_BYTES } from './rateLimit';

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

describe('rate-limit state is bounded', () => {
  test('within one window at most MAX_APPS apps are tracked; the oldest is forgotten', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    for (let i = 0; i < MAX_APPS + 500; i++) expect(limiter.hit(`app-${i}`).ok).toBe(true);
    expect(limiter.size()).toBe(MAX_APPS);
    // The newest app is still limited; the first one was forgotten and starts again.
    expect(limiter.hit(`app-${MAX_APPS + 499}`).ok).toBe(false);
    expect(limiter.hit('app-0').ok).toBe(true);
  });
  test('long app names count by bytes', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    const long = 'x'.repeat(100_000);
    for (let i = 0; i < 100; i++) limiter.hit(`${i}${long}`);
    expect(limiter.size()).toBeLessThanOrEqual(Math.floor(MAX_KEY_BYTES / 200_000) + 1);
  });
});
