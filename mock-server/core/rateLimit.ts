// Step 4: a fixed window per app. Windows are aligned to multiples of the window length on the
// injected clock, so every app's window resets at the same instants and Retry-After is exact.
// Answers of 429 do not count: a client that retries too early does not extend its own ban.

export interface RateLimiterOptions {
  /** Requests per window per app; 0 turns the limit off. */
  limit: number;
  windowMs: number;
  now: () => number;
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  hit(appName: string): RateVerdict;
  /** Whole seconds until the current window resets (at least 1), also used by the rate-limit fault. */
  retryAfterSeconds(): number;
  reset(): void;
}

// Apps come from tokens that verified, so the map is small; still, stale windows are swept when
// it grows, so a long run with many apps keeps memory flat.
const SWEEP_AT = 10_000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, now } = options;
  const counts = new Map<string, { window: number; count: number }>();

  const windowOf = (t: number) => Math.floor(t / windowMs);
  const retryAfterSeconds = () => {
    const t = now();
    const resetAt = (windowOf(t) + 1) * windowMs;
    return Math.max(1, Math.ceil((resetAt - t) / 1000));
  };

  function sweep(current: number): void {
    for (const [app, entry] of counts) if (entry.window !== current) counts.delete(app);
  }

  return {
    hit(appName) {
      if (limit <= 0) return { ok: true };
      const current = windowOf(now());
      let entry = counts.get(appName);
      if (!entry || entry.window !== current) {
        if (counts.size >= SWEEP_AT) sweep(current);
        entry = { window: current, count: 0 };
        counts.set(appName, entry);
      }
      if (entry.count >= limit) return { ok: false, retryAfterSeconds: retryAfterSeconds() };
      entry.count += 1;
      return { ok: true };
    },
    retryAfterSeconds,
    reset() {
      counts.clear();
    },
  };
}
