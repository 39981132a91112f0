import { registry } from './index';
import { always, type Check } from './check';
import { createRegistry, matches } from './registry';

const check = (name: string): Check => ({
  name,
  title: name,
  covers: [],
  writes: 0,
  applies: always,
  run: async () => {},
});

describe('check registry', () => {
  test('rejects duplicate names and names without a family', () => {
    expect(() => createRegistry([check('a.b'), check('a.b')])).toThrow('duplicate check name "a.b"');
    expect(() => createRegistry([check('nofamily')])).toThrow(/family/);
  });

  test('selects by exact name, family prefix and * pattern; excludes win; unknown patterns reported', () => {
    const r = createRegistry([
      check('response.x'),
      check('response.y'),
      check('negative.missing.user_id'),
      check('mock.z'),
    ]);
    const names = (inc: string[] | null, exc: string[] = []) =>
      r.select(inc, exc).selected.map((c) => c.name);
    expect(names(null)).toEqual(['response.x', 'response.y', 'negative.missing.user_id', 'mock.z']);
    expect(names(['response'])).toEqual(['response.x', 'response.y']);
    expect(names(['*.user_id', 'mock.z'])).toEqual(['negative.missing.user_id', 'mock.z']);
    expect(names(null, ['response', 'mock'])).toEqual(['negative.missing.user_id']);
    expect(r.select(['respon', 'nope.*'], []).unknown).toEqual(['respon', 'nope.*']);
    expect(matches('response.xy', 'response.x')).toBe(false);
  });

  test('the shipped registry covers every documented response and puts the 429 probe last', () => {
    const covered = new Set(registry.checks.flatMap((c) => c.covers));
    expect([...covered].sort()).toEqual([
      'APP_NAME_MISMATCH',
      'DOMAIN_MISMATCH',
      'RATE_LIMITED',
      'RECORDED',
      'RECORD_FAILED',
      'TOKEN_INVALID',
      'TOKEN_MISSING_OR_MALFORMED',
      'VALIDATION',
    ]);
    expect(registry.checks[registry.checks.length - 1].name).toBe('probe.rate-limit');
  });

  test('the default plan of a mock run fits the default write budget', () => {
    const writes = registry.checks.reduce((n, c) => n + c.writes, 0);
    expect(writes).toBeLessThanOrEqual(50);
  });
});
