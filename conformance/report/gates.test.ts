import { SKIP_CODES, type SkipCode } from '../run/skipCodes';
import type { CheckResult } from '../run/types';
import { evaluateGates, harmlessSkip, HARMLESS_SKIPS } from './gates';

function skipped(name: string, skipCode: SkipCode, skipReason: string): CheckResult {
  return {
    name,
    title: name,
    covers: [],
    basis: 'docs',
    why: 'the docs say so',
    verdict: 'skipped',
    skipReason,
    skipCode,
    exchanges: [],
    failures: [],
    observed: [],
    notes: [],
    durationMs: 0,
  };
}

const gate = (results: CheckResult[]) =>
  evaluateGates(results, [], { failOnSkip: true, minCoverage: 0, profile: 'docs' })[0];

describe('--fail-on-skip decides on skip codes, never on messages', () => {
  const codes = Object.keys(SKIP_CODES) as SkipCode[];

  test.each(codes)('%s: the same verdict whatever the message says', (code) => {
    const harmless = HARMLESS_SKIPS.includes(code);
    // Messages of the opposite kind: a harmless code with a budget text, and the other way round.
    const messages = [
      'reworded',
      '',
      'mock-only: the target does not answer GET /__mock/health',
      'not asked for: pass --probe-rate-limit [N] to probe 429',
      'would pass --max-writes 3 (needs 5 more writes, 0 planned)',
      'write budget exhausted: 0 of --max-writes 0 accepted so far',
    ];
    for (const message of messages) {
      const result = skipped('probe.rate-limit', code, message);
      expect(harmlessSkip(result)).toBe(harmless);
      expect(gate([result]).passed).toBe(harmless);
    }
  });

  test('only the two skips that say nothing about the server are harmless', () => {
    expect([...HARMLESS_SKIPS].sort()).toEqual(['not-a-mock', 'probe-not-asked']);
  });

  test('a skipped warning check passes under the docs profile only, whatever its code', () => {
    const warning = { ...skipped('extension.x', 'budget', 'reworded'), basis: 'extension' as const };
    expect(harmlessSkip(warning, 'docs')).toBe(true);
    expect(harmlessSkip(warning, 'strict')).toBe(false);
  });

  test('a skip passes when the profile only warns on its basis: sdk under docs, extension under sdk', () => {
    const sdk = { ...skipped('sdk.x', 'budget', 'm'), basis: 'sdk' as const };
    const extension = { ...skipped('extension.x', 'budget', 'm'), basis: 'extension' as const };
    expect([harmlessSkip(sdk, 'docs'), harmlessSkip(sdk, 'sdk'), harmlessSkip(sdk, 'strict')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([harmlessSkip(extension, 'sdk'), harmlessSkip(extension)]).toEqual([true, true]);
  });

  test('the skip of a check that needs --invalid-token (opaque-token) is never harmless', () => {
    const invalid = skipped('response.token-invalid', 'opaque-token', 'm');
    expect(['docs', 'sdk', 'strict'].map((p) => harmlessSkip(invalid, p as 'docs'))).toEqual([
      false,
      false,
      false,
    ]);
    expect(gate([invalid]).passed).toBe(false);
  });
});
