import { jsonType, typeAllows } from './jsonType';

describe('jsonType', () => {
  test.each([
    [null, 'null'],
    [[], 'array'],
    [[1, 'a'], 'array'],
    [{}, 'object'],
    [0, 'integer'],
    [-3, 'integer'],
    [1.0, 'integer'],
    [1e21, 'integer'],
    [1.5, 'number'],
    [Number.NaN, 'number'],
    ['', 'string'],
    ['1', 'string'],
    [false, 'boolean'],
  ])('%j is %s', (value, type) => {
    expect(jsonType(value)).toBe(type);
  });

  test.each([[undefined], [() => 1], [BigInt(1)], [Symbol('s')]])('%p is not a JSON value', (value) => {
    expect(() => jsonType(value)).toThrow(TypeError);
  });
});

describe('typeAllows', () => {
  test.each([
    [['number'], 1, true],
    [['number'], 1.5, true],
    [['integer'], 1, true],
    [['integer'], 1.5, false],
    [['string', 'null'], null, true],
    [['string', 'null'], 'x', true],
    [['string', 'null'], 0, false],
    [['object'], [], false],
    [['array'], [], true],
    [['boolean'], 'true', false],
    [[], null, false],
  ])('%j allows %j: %s', (types, value, allowed) => {
    expect(typeAllows(types, value)).toBe(allowed);
  });
});
