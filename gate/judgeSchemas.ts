// Both engines on one pair of schemas (the same surface at base and head): the structural changes,
// a counterexample aimed at each change that could break the side, then the random search, whose
// refusals are credited to the change that explains them or reported on their own.
import type { Change } from './structural/change';
import { compareSchemas } from './structural/compare';
import {
  makeSearch,
  nodeAt,
  owns,
  randomSearch,
  targeted,
  type Refusal,
} from './counterexample/counterexample';
import type { Findings } from './findings';
import { breaks, type RuleId } from './rules';
import type { Surface } from './surfaces';

/** What the engines did, for the report: a search that found nothing should say how hard it looked. */
export interface SearchStats {
  changes: number;
  /** Changes that could break their side, each searched for a counterexample… */
  aimed: number;
  /** …and how many of those searches found one. */
  aimedFound: number;
  randomDrawn: number;
  /** Distinct sets of refusals among the random values, and how many no change explained. */
  randomRefused: number;
  unexplained: number;
}

export const emptyStats = (): SearchStats => ({
  changes: 0,
  aimed: 0,
  aimedFound: 0,
  randomDrawn: 0,
  randomRefused: 0,
  unexplained: 0,
});

function noteFor(c: Change, effect: boolean | 'maybe', found: boolean): string | undefined {
  if (found) return undefined;
  if (effect === true)
    return c.rule === 'property-removed'
      ? 'no counterexample: the schema still accepts the field as an unknown one, but it has left the contract'
      : 'no counterexample: none found by the search';
  return effect === 'maybe' ? 'no counterexample found: judged non-breaking; worth a look' : undefined;
}

export function judgeSchemas(
  old: Surface,
  cur: Surface,
  options: { seed: number; samples: number },
  findings: Findings,
  stats: SearchStats,
): void {
  const { side, id: surface } = cur;
  const changes = compareSchemas(old.resolved, cur.resolved);
  const search = makeSearch(side, old.resolved.schema, cur.resolved.schema, options.seed);
  const candidates = changes.filter((c) => breaks(c.rule, side) !== false);
  const examples = new Map<Change, { value: unknown; refusal: Refusal }>();
  for (const c of candidates) {
    const found = targeted(c, search);
    if (found) examples.set(c, found);
  }
  stats.changes += changes.length;
  stats.aimed += candidates.length;
  stats.aimedFound += examples.size;

  const refused = randomSearch(search, options.samples);
  stats.randomDrawn += options.samples;
  stats.randomRefused += refused.length;
  for (const ce of refused) {
    const owners = ce.refusals.map((r) => [candidates.find((c) => owns(c, side, r.path)), r] as const);
    for (const [owner, refusal] of owners)
      if (owner && !examples.has(owner)) examples.set(owner, { value: ce.value, refusal });
    if (owners.some(([owner]) => owner)) continue;
    // No rule explains it: a finding of its own, at its deepest refusal.
    stats.unexplained++;
    const refusal = ce.refusals.reduce((a, b) => (b.path.length > a.path.length ? b : a));
    const refusing = side === 'request' ? cur.resolved : old.resolved;
    const holder = nodeAt(refusing.schema, refusal.path.slice(0, -1));
    const origin = (typeof holder === 'object' && refusing.origins.get(holder)) || surface;
    const rule: RuleId = side === 'request' ? 'rejected-by-new' : 'accepted-by-new';
    const counterexample = { surface, value: ce.value, rejection: refusal.message };
    const pointer = `${origin}/${String(refusal.path.at(-1))}`;
    const pointerSide = side === 'request' ? 'head' : 'base';
    findings.add(
      {
        rule,
        side,
        detail: refusal.message,
        pointer,
        pointerSide,
        at: refusal.instancePath,
        surface,
        counterexample,
      },
      true,
    );
  }

  for (const c of changes) {
    const effect = breaks(c.rule, side);
    const ce = examples.get(c);
    const counterexample = ce && { surface, value: ce.value, rejection: ce.refusal.message };
    const { rule, detail, pointer, pointerSide, at } = c;
    findings.add(
      {
        rule,
        side,
        detail,
        pointer,
        pointerSide,
        at,
        surface,
        note: noteFor(c, effect, !!ce),
        counterexample,
      },
      effect === true || (effect === 'maybe' && !!ce),
    );
  }
}
