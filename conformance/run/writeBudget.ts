// The cap on events a run may get accepted (--max-writes): events are reserved before a request
// is sent and given back when the server rejects them, so even a server that wrongly accepts
// everything can never receive more than the cap.
export interface WriteBudget {
  readonly max: number;
  /** Events acknowledged (2xx) so far. */
  readonly used: number;
  /** Reserves n events; false when that would pass the cap (the request must not be sent). */
  reserve(n: number): boolean;
  /** Settles a reservation: accepted events stay counted, the rest are returned. */
  settle(reserved: number, accepted: boolean): void;
}

export function createWriteBudget(max: number): WriteBudget {
  let used = 0;
  let reserved = 0;
  return {
    max,
    get used() {
      return used;
    },
    reserve(n) {
      if (used + reserved + n > max) return false;
      reserved += n;
      return true;
    },
    settle(n, accepted) {
      reserved -= n;
      if (accepted) used += n;
    },
  };
}
