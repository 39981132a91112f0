import { canonicalJson, sameJson } from './canonicalJson';

describe('canonicalJson', () => {
  test.each([
    [{ b: 2, a: 1 }, '{"a":1,"b":2}'],
    [{ z: { y: 1, x: [{ d: 1, c: 2 }] } }, '{"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    [[3, 1, 2], '[3,1,2]'],
    ['text', '"text"'],
    [null, 'null'],
    [{ B: 1, a: 2, _: 3 }, '{"B":1,"_":3,"a":2}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
  ])('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe('sameJson', () => {
  test.each([
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } }, true],
    [1, 1.0, true],
    [1, '1', false],
    [{}, [], false],
    [null, null, true],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
  });
});
