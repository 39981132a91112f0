// The one seeded PRNG (mulberry32): the same seed gives the same floats in [0, 1) on every platform,
// which Math.random cannot. The mock uses it so a fault armed with a seed fires on the same requests
// every run; the breaking gate uses it so a counterexample is reproducible from its seed alone.
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
