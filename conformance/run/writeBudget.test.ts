import { createWriteBudget } from './writeBudget';

type Step = ['reserve', number, boolean] | ['settle', number, 'accepted' | 'rejected'];

describe('the write budget', () => {
  test.each<[string, number, Step[], number]>([
    ['a reservation within the cap is granted', 5, [['reserve', 3, true]], 0],
    [
      'up to the cap exactly, then nothing more',
      5,
      [
        ['reserve', 5, true],
        ['reserve', 1, false],
      ],
      0,
    ],
    [
      'accepted events stay counted',
      5,
      [
        ['reserve', 3, true],
        ['settle', 3, 'accepted'],
        ['reserve', 3, false],
        ['reserve', 2, true],
      ],
      3,
    ],
    [
      'rejected events are given back',
      5,
      [
        ['reserve', 5, true],
        ['settle', 5, 'rejected'],
        ['reserve', 5, true],
      ],
      0,
    ],
    [
      'a pending reservation counts before it is settled',
      5,
      [
        ['reserve', 3, true],
        ['reserve', 3, false],
      ],
      0,
    ],
    [
      'a refused reservation changes nothing',
      5,
      [
        ['reserve', 6, false],
        ['reserve', 5, true],
      ],
      0,
    ],
    [
      'a cap of 0 allows requests that hold no events only',
      0,
      [
        ['reserve', 0, true],
        ['reserve', 1, false],
      ],
      0,
    ],
    [
      'a server accepting everything is stopped at the cap',
      4,
      [
        ['reserve', 2, true],
        ['settle', 2, 'accepted'],
        ['reserve', 2, true],
        ['settle', 2, 'accepted'],
        ['reserve', 1, false],
      ],
      4,
    ],
  ])('%s (cap %d)', (_name, max, steps, used) => {
    const budget = createWriteBudget(max);
    for (const step of steps) {
      if (step[0] === 'reserve') expect([step, budget.reserve(step[1])]).toEqual([step, step[2]]);
      else budget.settle(step[1], step[2] === 'accepted');
    }
    expect(budget.used).toBe(used);
    expect(budget.max).toBe(max);
  });
});
