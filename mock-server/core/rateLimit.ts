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
  /** Apps tracked now (at most MAX_APPS). */
  size(): number;
}

// Apps come from tokens that verified, but the development secret is public, so anyone can mint
// tokens for any number of apps. The state is bounded: stale windows are swept when the map grows,
// and within one window at most MAX_APPS apps (and MAX_KEY_BYTES of their names) are tracked; past
// that the app tracked longest is forgotten, so its count starts again (documented in Limits).
const SWEEP_AT = 10_000;
export const MAX_APPS = 10_000;
export const MAX_KEY_BYTES = 4 * 1024 * 1024;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, now } = options;
  const counts = new Map<string, { window: number; count: number }>();
  let keyBytes = 0;
  const forget = (app: string) => {
    if (counts.delete(app)) keyBytes -= app.length * 2;
  };

  const windowOf = (t: number) => Math.floor(t / windowMs);
  const retryAfterSeconds = () => {
    const t = now();
    const resetAt = (windowOf(t) + 1) * windowMs;
    return Math.max(1, Math.ceil((resetAt - t) / 1000));
  };

  function sweep(current: number): void {
    for (const [app, entry] of counts) if (entry.window !== current) forget(app);
  }

  return {
    hit(appName) {
      if (limit <= 0) return { ok: true };
      const current = windowOf(now());
      let entry = counts.get(appName);
      if (!entry || entry.window !== current) {
        if (counts.size >= SWEEP_AT) sweep(current);
        forget(appName);
        // Still full of this window's apps: forget the oldest (a Map iterates in insertion order).
        while (counts.size > 0 && (counts.size >= MAX_APPS || keyBytes + appName.length * 2 > MAX_KEY_BYTES))
          forget(counts.keys().next().value as string);
        entry = { window: current, count: 0 };
        counts.set(appName, entry);
        keyBytes += appName.length * 2;
      }
      if (entry.count >= limit) return { ok: false, retryAfterSeconds: retryAfterSeconds() };
      entry.count += 1;
      return { ok: true };
    },
    retryAfterSeconds,
    reset() {
      counts.clear();
      keyBytes = 0;
    },
    size: () => counts.size,
  };
}
