// The gate's judgement, pure: two lists of surfaces (base and head) in, findings out. Pairs the
// surfaces, runs the structural engine on each pair, runs the counterexample search for every
// change that could break its side, and folds duplicates (the event schema is reached from both
// request branches and both request variants) into one finding each.
import { compareSchemas, type Change } from './compare';
import { makeSearch, nodeAt, owns, randomSearch, targeted, type Refusal } from './counterexample';
import { breaks, RULES, type RuleId, type Side } from './rules';
import { NONE, makeRng, sample } from './sample';
import type { Surface } from './surfaces';

export interface Finding {
  rule: RuleId;
  title: string;
  side: Side;
  breaking: boolean;
  detail: string;
  /** `file#/pointer` of the keyword (in the head schema, or in the base for what was removed). */
  pointer: string;
  pointerSide: 'base' | 'head';
  /** Instance locations the change governs. */
  at: string[];
  surfaces: string[];
  counterexample?: { surface: string; value: unknown; rejection: string };
  note?: string;
}

export interface GateOptions {
  seed: number;
  /** Random values drawn per surface pair (the aimed search runs besides). */
  samples: number;
}

/** `responses.schema.json#/$defs/Success`: where a surface's schema is defined. */
function rootPointer(s: Surface): string {
  const root = s.resolved.schema;
  return (typeof root === 'object' && s.resolved.origins.get(root)) || s.id;
}

const fileOfStrict = (pointer: string) => pointer.replace(/\.strict\.schema\.json#/, '.schema.json#');

export function judge(base: Surface[], head: Surface[], options: GateOptions): Finding[] {
  const findings = new Map<string, Finding>();
  const add = (
    f: Omit<Finding, 'title' | 'breaking' | 'at' | 'surfaces'> & { at: string; surface: string },
    breaking: boolean,
  ) => {
    const key = [f.side, f.rule, fileOfStrict(f.pointer), f.detail].join('\u0000');
    const seen = findings.get(key);
    if (seen) {
      if (!seen.surfaces.includes(f.surface)) seen.surfaces.push(f.surface);
      if (!seen.at.includes(f.at)) seen.at.push(f.at);
      seen.counterexample ??= f.counterexample;
      if (seen.counterexample) delete seen.note;
      seen.breaking ||= breaking;
      return;
    }
    const { surface, at, ...rest } = f;
    findings.set(key, { ...rest, title: RULES[f.rule].title, breaking, at: [at], surfaces: [surface] });
  };

  for (const { old, cur, renamedFrom } of pair(base, head)) {
    const surface = (cur ?? old)!.id;
    const side = (cur ?? old)!.side;
    if (!cur || !old) {
      // Only responses come and go: both request surfaces exist whenever request.schema.json does.
      const rule: RuleId = cur ? 'response-added' : 'response-removed';
      add(
        {
          rule,
          side,
          detail: `${surface} ${cur ? 'added' : 'removed'}`,
          pointer: rootPointer((cur ?? old)!),
          pointerSide: cur ? 'head' : 'base',
          at: '/',
          surface,
        },
        breaks(rule, side) === true,
      );
      continue;
    }
    if (renamedFrom)
      add(
        {
          rule: 'response-renamed',
          side,
          detail: `${renamedFrom} → ${surface} (reason ${cur.reason})`,
          pointer: rootPointer(cur),
          pointerSide: 'head',
          at: '/',
          surface,
        },
        false,
      );
    if (side === 'response' && old.status !== cur.status) {
      const body = sample(cur.resolved.schema, makeRng(options.seed), 'minimal');
      add(
        {
          rule: 'status-changed',
          side,
          detail: `${surface}: HTTP ${old.status ?? '(none)'} → ${cur.status ?? '(none)'}`,
          pointer: `${rootPointer(cur)}/x-status`,
          pointerSide: 'head',
          at: '/',
          surface,
          counterexample:
            body === NONE
              ? undefined
              : {
                  surface,
                  value: { status: cur.status, body },
                  rejection: `an existing client expects HTTP ${old.status} with this body`,
                },
        },
        true,
      );
    }
    const changes = compareSchemas(old.resolved, cur.resolved);
    const search = makeSearch(side, old.resolved.schema, cur.resolved.schema, options.seed);
    const examples = new Map<Change, { value: unknown; refusal: Refusal }>();
    for (const c of changes) {
      if (breaks(c.rule, side) === false) continue;
      const found = targeted(c, search);
      if (found) examples.set(c, found);
    }
    // The random search: a refusal is attributed to the change that explains it; a value no
    // change explains becomes a finding of its own, at its deepest refusal.
    const candidates = changes.filter((c) => breaks(c.rule, side) !== false);
    for (const ce of randomSearch(search, options.samples)) {
      let explained = false;
      for (const refusal of ce.refusals) {
        const owner = candidates.find((c) => owns(c, side, refusal.path));
        if (!owner) continue;
        explained = true;
        if (!examples.has(owner)) examples.set(owner, { value: ce.value, refusal });
      }
      if (explained) continue;
      const refusal = ce.refusals.reduce((a, b) => (b.path.length > a.path.length ? b : a));
      const refusing = side === 'request' ? cur.resolved : old.resolved;
      const holder = nodeAt(refusing.schema, refusal.path.slice(0, -1));
      const origin = (typeof holder === 'object' && refusing.origins.get(holder)) || surface;
      const rule: RuleId = side === 'request' ? 'rejected-by-new' : 'accepted-by-new';
      add(
        {
          rule,
          side,
          detail: refusal.message,
          pointer: `${origin}/${String(refusal.path.at(-1))}`,
          pointerSide: side === 'request' ? 'head' : 'base',
          at: refusal.instancePath,
          surface,
          counterexample: { surface, value: ce.value, rejection: refusal.message },
        },
        true,
      );
    }
    for (const c of changes) {
      const effect = breaks(c.rule, side);
      const ce = examples.get(c);
      const note =
        effect === true && !ce
          ? `no counterexample: ${c.rule === 'property-removed' ? 'the schema still accepts the field as an unknown one, but it has left the contract' : 'none found by the search'}`
          : effect === 'maybe' && !ce
            ? 'no counterexample found: judged non-breaking; worth a look'
            : undefined;
      add(
        {
          rule: c.rule,
          side,
          detail: c.detail,
          pointer: c.pointer,
          pointerSide: c.pointerSide,
          at: c.at,
          surface,
          note,
          counterexample: ce && { surface, value: ce.value, rejection: ce.refusal.message },
        },
        effect === true || (effect === 'maybe' && !!ce),
      );
    }
  }
  return [...findings.values()];
}

/** Base and head surfaces by id; an unmatched response whose reason code reappears under another name is a rename. */
function pair(base: Surface[], head: Surface[]) {
  const out: { old?: Surface; cur?: Surface; renamedFrom?: string }[] = [];
  const heads = new Map(head.map((s) => [s.id, s]));
  const orphans: Surface[] = [];
  for (const old of base) {
    const cur = heads.get(old.id);
    if (cur) {
      heads.delete(old.id);
      out.push({ old, cur });
    } else orphans.push(old);
  }
  for (const old of orphans) {
    const cur = [...heads.values()].find(
      (s) => s.side === 'response' && s.reason !== undefined && s.reason === old.reason,
    );
    if (cur) heads.delete(cur.id);
    out.push({ old, cur, renamedFrom: cur && old.id });
  }
  for (const cur of heads.values()) out.push({ cur });
  return out;
}
