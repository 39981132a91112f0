// The CI gates a run can be held to besides its checks: --fail-on-skip (no skip but the two that
// say nothing about the server: a mock-only check against a server that is not the mock, and the
// 429 probe nobody asked for) and --min-coverage N (at least N of the 8 documented responses seen
// exactly). Their outcome is part of the verdict, the JSON report and the JUnit file.
import { DEFAULT_PROFILE, failsUnder, type Profile } from '../run/bases';
import type { SkipCode } from '../run/skipCodes';
import type { CheckResult } from '../run/types';
import type { CoverageRow } from './coverage';

/** Skips that say nothing about the server under test (decided by code, never by message). */
export const HARMLESS_SKIPS: readonly SkipCode[] = ['not-a-mock', 'probe-not-asked'];

export interface GateOutcome {
  name: 'fail-on-skip' | 'min-coverage';
  passed: boolean;
  message: string;
}

export interface GateSettings {
  failOnSkip: boolean;
  minCoverage: number;
  profile: Profile;
}

/**
 * A skip --fail-on-skip lets through: one that says nothing about the server under test (a
 * mock-only check against another server, the probe nobody asked for), and the skip of a check
 * the profile only warns on (it could not have failed the run anyway; a server that implements
 * the docs accepts the extension negatives and so uses up --max-writes on them). The skip of a
 * check that needs --invalid-token (`opaque-token`) is never harmless: it hides a verdict.
 */
export function harmlessSkip(result: CheckResult, profile: Profile = DEFAULT_PROFILE): boolean {
  return (
    (result.skipCode !== undefined && HARMLESS_SKIPS.includes(result.skipCode)) ||
    !failsUnder(profile, result.basis)
  );
}

export function evaluateGates(
  results: readonly CheckResult[],
  coverage: readonly CoverageRow[],
  settings: GateSettings,
): GateOutcome[] {
  const gates: GateOutcome[] = [];
  if (settings.failOnSkip) {
    const offending = results.filter((r) => r.verdict === 'skipped' && !harmlessSkip(r, settings.profile));
    gates.push({
      name: 'fail-on-skip',
      passed: offending.length === 0,
      message: offending.length
        ? `--fail-on-skip: ${offending.length} check${offending.length === 1 ? ' was' : 's were'} skipped: ` +
          offending
            .slice(0, 5)
            .map((r) => `${r.name} (${r.skipReason})`)
            .join('; ') +
          (offending.length > 5 ? `; and ${offending.length - 5} more (see the table)` : '')
        : '--fail-on-skip: no check was skipped for a reason that matters',
    });
  }
  if (settings.minCoverage > 0) {
    const observed = coverage.filter((c) => c.state === 'observed').length;
    gates.push({
      name: 'min-coverage',
      passed: observed >= settings.minCoverage,
      message: `--min-coverage ${settings.minCoverage}: ${observed} of ${coverage.length} documented responses observed`,
    });
  }
  return gates;
}
