// Where a rule comes from (its basis) and which bases fail a run under each profile. A check
// carries one basis; a single failure may carry its own (`observed`: an answer the live service
// was publicly reported to give instead of the documented one, schema/observations.json).
// Profiles are a lens over results: the checks record every deviation, applyProfile decides.
import { observation, type ObservationId } from '../../schema';
import type { CheckResult, Failure } from './types';

export const BASES = ['docs', 'sdk', 'observed', 'extension'] as const;
/**
 * `docs`: the docs page states it. `sdk`: the official SDK cannot work without it (gzip, CORS,
 * GET /events/threshold, its event-name list). `observed`: the live service's reported behaviour.
 * `extension`: fields and values only real clients send (the SDK's, TON Connect's).
 */
export type Basis = (typeof BASES)[number];

export const PROFILES = ['docs', 'sdk', 'strict'] as const;
export type Profile = (typeof PROFILES)[number];
export const DEFAULT_PROFILE: Profile = 'sdk';

const FAILING: Record<Profile, readonly Basis[]> = {
  docs: ['docs'],
  sdk: ['docs', 'sdk'],
  strict: BASES,
};

/** Whether a failure resting on `basis` fails the run under `profile` (else it is a warning). */
export function failsUnder(profile: Profile, basis: Basis): boolean {
  return FAILING[profile].includes(basis);
}

/** The least strict profile under which `basis` fails: what a warning's note points to. */
export function profileFailing(basis: Basis): Profile {
  return PROFILES.find((p) => failsUnder(p, basis)) ?? 'strict';
}

/** Where a check's rule comes from, in words: the default `why` of each basis. */
export const BASIS_WHY: Record<Basis, string> = {
  docs: 'the API docs page (https://docs.tganalytics.xyz/) states it',
  sdk: 'the docs page does not say it, but the official SDK (@telegram-apps/analytics) cannot work without it',
  observed: 'the live service was publicly reported to answer so (schema/observations.json)',
  extension: 'only real clients (the official SDK, the TON Connect tracker) send these fields or values',
};

/** How an observed answer is named in a note or a failure: the observation, its sources and dates. */
export function describeObservation(id: ObservationId): string {
  const o = observation(id);
  const sources = o.sources.map((s) => `${s.url} (${s.date})`).join(', ');
  return `${o.id}: ${o.title}, as reported in ${sources}`;
}

const effectiveBasis = (r: CheckResult, f: Failure): Basis => f.basis ?? r.basis;

/** The verdict of a result as the profile sees it (failures left after the profile's tolerance). */
function verdictUnder(r: CheckResult, profile: Profile): CheckResult['verdict'] {
  if (r.failures.some((f) => failsUnder(profile, effectiveBasis(r, f)))) return 'failed';
  if (r.failures.length) return 'warned';
  return r.skipReason ? 'skipped' : 'passed';
}

/**
 * The profile's verdicts. Under `docs` and `sdk` an observed answer (a 202 with the documented
 * body, a 400 validation report) is no failure: it becomes a note naming the observation, and the
 * documented response it stands for counts as seen. A failure whose basis the profile does not fail
 * on makes the check a warning (the exit code ignores it); `strict` fails on every basis.
 */
export function applyProfile(results: readonly CheckResult[], profile: Profile): CheckResult[] {
  return results.map((raw) => {
    const r: CheckResult = {
      ...raw,
      failures: [...raw.failures],
      observed: [...raw.observed],
      notes: [...raw.notes],
    };
    if (profile !== 'strict') {
      const tolerated = r.failures.filter((f) => f.basis === 'observed' && f.observation);
      r.failures = r.failures.filter((f) => !tolerated.includes(f));
      for (const f of tolerated) {
        const id = f.observation as ObservationId;
        r.observedAnswers = [...new Set([...(r.observedAnswers ?? []), id])];
        const note = `observed answer, not the docs' literal one: ${describeObservation(id)} (--profile strict fails it)`;
        if (!r.notes.includes(note)) r.notes.push(note);
        const reason = observation(id).reason;
        // Counted as the documented answer it stands for, unless that exchange failed otherwise.
        const clean = !r.failures.some((g) => g.exchange === f.exchange);
        if (reason && clean && !r.observed.includes(reason)) r.observed.push(reason);
      }
    }
    return { ...r, verdict: verdictUnder(r, profile) };
  });
}
