import { DEMO_CLAIMS } from '../../schema/token';
import { always, mockOnly, type Check } from '../checks/check';
import { createRegistry } from '../checks/registry';
import { formatPlan, planRun } from './plan';
import type { Skip } from './skipCodes';
import type { ServerUnderTest } from './types';

const check = (name: string, writes: number, applies: Check['applies'] = always): Check => ({
  name,
  title: name,
  covers: [],
  writes,
  applies,
  run: async () => {},
});

const MOCK_ONLY: Skip = {
  code: 'not-a-mock',
  message: 'mock-only: the target does not answer GET /__mock/health',
};
const NO_PROBE: Skip = { code: 'probe-not-asked', message: 'not asked for' };
const overBudget = (message: string): Skip => ({ code: 'budget', message });

const registry = createRegistry([
  check('response.one', 1),
  check('negative.none', 0),
  check('positive.big', 20),
  check('positive.small', 2),
  check('mock.journal', 2, mockOnly),
  check('probe.rate-limit', 0, (s) => (s.probeRateLimit > 0 ? true : NO_PROBE)),
]);

function server(over: Partial<ServerUnderTest> = {}): ServerUnderTest {
  return {
    baseUrl: 'http://h',
    token: 't',
    tokenFormat: 'tga',
    invalidToken: null,
    app: { ...DEMO_CLAIMS },
    origin: DEMO_CLAIMS.app_domain,
    mock: { version: '1' },
    probeRateLimit: 0,
    timeoutMs: 1000,
    ...over,
  };
}

describe('planRun', () => {
  test.each<
    [string, string[] | null, string[], Partial<ServerUnderTest>, number, Record<string, Skip | null>, number]
  >([
    [
      'everything fits: all run on the mock',
      null,
      [],
      {},
      50,
      {
        'response.one': null,
        'negative.none': null,
        'positive.big': null,
        'positive.small': null,
        'mock.journal': null,
        'probe.rate-limit': NO_PROBE,
      },
      25,
    ],
    [
      'not the mock: mock-only checks are skipped and plan no writes',
      null,
      [],
      { mock: null },
      50,
      {
        'response.one': null,
        'negative.none': null,
        'positive.big': null,
        'positive.small': null,
        'mock.journal': MOCK_ONLY,
        'probe.rate-limit': NO_PROBE,
      },
      23,
    ],
    [
      'a check that would pass the cap is skipped; later smaller ones still fit',
      null,
      [],
      {},
      10,
      {
        'response.one': null,
        'negative.none': null,
        'positive.big': overBudget(
          'would pass --max-writes 10 (needs 20 more writes, 1 planned); --max-writes 28 runs every selected check',
        ),
        'positive.small': null,
        'mock.journal': null,
        'probe.rate-limit': NO_PROBE,
      },
      5,
    ],
    [
      'a cap of 0 runs only the checks that write nothing',
      null,
      [],
      { probeRateLimit: 3 },
      0,
      {
        'response.one': overBudget(
          'would pass --max-writes 0 (needs 1 more write, 0 planned); --max-writes 28 runs every selected check',
        ),
        'negative.none': null,
        'positive.big': overBudget(
          'would pass --max-writes 0 (needs 20 more writes, 0 planned); --max-writes 28 runs every selected check',
        ),
        'positive.small': overBudget(
          'would pass --max-writes 0 (needs 2 more writes, 0 planned); --max-writes 28 runs every selected check',
        ),
        'mock.journal': overBudget(
          'would pass --max-writes 0 (needs 2 more writes, 0 planned); --max-writes 28 runs every selected check',
        ),
        'probe.rate-limit': null,
      },
      0,
    ],
    [
      'only the selected family is planned, in registry order',
      ['positive'],
      [],
      {},
      21,
      {
        'positive.big': null,
        'positive.small': overBudget(
          'would pass --max-writes 21 (needs 2 more writes, 20 planned); --max-writes 25 runs every selected check',
        ),
      },
      20,
    ],
    [
      'excluded checks are not planned at all; the probe runs when asked for',
      null,
      ['positive', 'mock'],
      { probeRateLimit: 5, mock: null },
      50,
      { 'response.one': null, 'negative.none': null, 'probe.rate-limit': null },
      1,
    ],
    [
      'a skipped mock-only check leaves its writes to the others',
      ['mock', 'positive.small', 'response'],
      [],
      { mock: null },
      3,
      { 'response.one': null, 'positive.small': null, 'mock.journal': MOCK_ONLY },
      3,
    ],
  ])('%s', (_name, include, exclude, over, maxWrites, expected, plannedWrites) => {
    const { selected, unknown } = registry.select(include, exclude);
    expect(unknown).toEqual([]);
    const plan = planRun(selected, server(over), maxWrites);
    expect(Object.fromEntries(plan.entries.map((e) => [e.check.name, e.skip]))).toEqual(expected);
    expect(plan.entries.map((e) => e.check.name)).toEqual(Object.keys(expected));
    expect(plan.plannedWrites).toBe(plannedWrites);
    expect(plan.maxWrites).toBe(maxWrites);
    for (const e of plan.entries) expect(e.writes).toBe(e.skip ? 0 : e.check.writes);
    expect(plan.plannedWrites).toBeLessThanOrEqual(maxWrites);
  });
});

describe('formatPlan', () => {
  test.each([
    ['the mock, Origin on the token domain', {}, /\(mock 1\)/, false],
    ['not the mock', { mock: null }, /not a mock: mock-only checks skipped/, false],
    ['an Origin on another host', { origin: 'https://elsewhere.example' }, /\(mock 1\)/, true],
  ])('%s', (_name, over: Partial<ServerUnderTest>, target, warned) => {
    const plan = planRun(registry.select(null, []).selected, server(over), 10);
    const text = formatPlan(plan, server(over), { runId: 'r1', seed: 7 });
    expect(text).toMatch(target);
    expect(text).toContain('--seed 7 reproduces');
    expect(text).toContain('    skip positive.big: would pass --max-writes 10');
    expect(text.includes("warning: the Origin's host is not the token's app_domain host")).toBe(warned);
  });
});

test('the budget line of the plan reads skip codes, not messages', () => {
  const plan = planRun(registry.select(null, []).selected, server(), 50);
  const reworded = {
    ...plan,
    entries: plan.entries.map((e) =>
      e.check.name === 'positive.big'
        ? { ...e, skip: { code: 'budget' as const, message: 'too big for the cap' } }
        : e.check.name === 'positive.small'
          ? { ...e, skip: { code: 'not-a-mock' as const, message: 'would pass --max-writes 50' } }
          : e,
    ),
  };
  const text = formatPlan(reworded, server(), { runId: 'r1', seed: 7 });
  expect(text).toContain('    skip positive.big: too big for the cap');
  expect(text).toMatch(/^ {2}budget {6}1 check does not fit --max-writes 50: positive\.big;/m);
});
