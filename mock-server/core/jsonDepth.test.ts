import { exceedsDepth } from './jsonDepth';

describe('exceedsDepth', () => {
  test.each([
    ['{}', 1, false],
    ['[[]]', 1, true],
    ['{"a":"[[[[[["}', 1, false],
    ['{"a":"\\"[[["}', 1, false],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
  ])('%s with max %i → %s', (text, max, expected) => {
    expect(exceedsDepth(JSON.parse(text), max)).toBe(expected);
  });
});

test('exceedsDepth walks 200,000 levels without recursion', () => {
  const deep = JSON.parse('{"a":'.repeat(200_000) + '{}' + '}'.repeat(200_000));
  expect(exceedsDepth(deep)).toBe(true);
  expect(exceedsDepth(deep, 300_000)).toBe(false);
});

test.each([null, 1, 'x', true])('a scalar (%p) has no depth to exceed', (v) => {
  expect(exceedsDepth(v, 0)).toBe(false);
});
