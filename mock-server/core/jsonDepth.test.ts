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
    expect(exceedsDepth(text, max)).toBe(expected);
  });
});
