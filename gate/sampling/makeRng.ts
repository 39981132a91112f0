// The generator's only source of chance. A counterexample in a CI report must be reproducible from its
// seed alone, so this is a fixed algorithm rather than Math.random or fast-check: the contract's
// seeded PRNG (schema/random.ts, the one the mock's faults use; identical on every platform).
import { seededRandom, type Random } from '../../schema/random';

export type Rng = Random;

export const makeRng: (seed: number) => Rng = seededRandom;

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
