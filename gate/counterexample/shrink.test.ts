import { shrink } from './shrink';

describe('shrink', () => {
  const big = { a: 1, b: { c: [1, 2, 3], d: 'x' }, e: [{ f: true }] };
  const hasThree = (v: unknown) =>
    JSON.stringify(v).includes('"c":[3]') || /"c":\[[^\]]*3/.test(JSON.stringify(v));

  test('leaves out every field and item the property does not need', () => {
    expect(shrink(big, hasThree)).toEqual({ b: { c: [3] } });
  });

  test('returns the value itself when nothing can go, and never calls keep more than the budget', () => {
    expect(shrink(big, () => false)).toBe(big);
    let calls = 0;
    shrink(big, () => (calls++, true), 3);
    expect(calls).toBe(3);
  });

  test('does not change the value it was given', () => {
    const copy = structuredClone(big);
    shrink(big, hasThree);
    expect(big).toEqual(copy);
  });
});
