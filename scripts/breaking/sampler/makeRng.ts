// The generator's only source of chance. A counterexample in a CI report must be reproducible from its
// seed alone, so this is a fixed algorithm rather than Math.random or fast-check.
export type Rng = () => number;

/** mulberry32: 32 bits of state, good enough spread for test data, identical on every platform. */
export function makeRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Always the first choice: what `minimal` mode and the canonical format values draw from. */
export const ZERO: Rng = () => 0;

export const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.min(items.length - 1, Math.floor(rng() * items.length))];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.éü';
export function randomWord(rng: Rng, length: number): string {
  let word = '';
  for (let i = 0; i < length; i++) word += pick(rng, [...ALPHABET]);
  return word;
}
