// The gate's judgement, pure: two lists of surfaces (base and head) in, findings out. Pairs the
// surfaces (a response renamed with its reason code kept is the same response), reports what only
// responses can do — come, go, change status — and runs both engines on every pair.
import { Findings, type Finding } from './findings';
import { emptyStats, judgeSchemas, type SearchStats } from './judgeSchemas';
import { breaks } from './rules';
import { NONE, makeRng, sample } from './sampling/sample';
import type { Surface } from './surfaces';

export type { Finding } from './findings';
export type { SearchStats } from './judgeSchemas';

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

export function judge(
  base: Surface[],
  head: Surface[],
  options: GateOptions,
): { findings: Finding[]; stats: SearchStats } {
  const findings = new Findings();
  const stats = emptyStats();
  for (const { old, cur, renamedFrom } of pair(base, head)) {
    const either = (cur ?? old)!;
    const [surface, side] = [either.id, either.side];
    if (!cur || !old) {
      // Only responses come and go: both request surfaces exist whenever request.schema.json does.
      const rule = cur ? 'response-added' : 'response-removed';
      const [detail, pointer] = [`${surface} ${cur ? 'added' : 'removed'}`, rootPointer(either)];
      findings.add(
        { rule, side, detail, pointer, pointerSide: cur ? 'head' : 'base', at: '/', surface },
        breaks(rule, side) === true,
      );
      continue;
    }
    if (renamedFrom) {
      const detail = `${renamedFrom} → ${surface} (reason ${cur.reason})`;
      findings.add(
        {
          rule: 'response-renamed',
          side,
          detail,
          pointer: rootPointer(cur),
          pointerSide: 'head',
          at: '/',
          surface,
        },
        false,
      );
    }
    if (side === 'response' && old.status !== cur.status) {
      const body = sample(cur.resolved.schema, makeRng(options.seed), 'minimal');
      const rejection = `an existing client expects HTTP ${old.status} with this body`;
      findings.add(
        {
          rule: 'status-changed',
          side,
          detail: `${surface}: HTTP ${old.status ?? '(none)'} → ${cur.status ?? '(none)'}`,
          pointer: `${rootPointer(cur)}/x-status`,
          pointerSide: 'head',
          at: '/',
          surface,
          counterexample:
            body === NONE ? undefined : { surface, value: { status: cur.status, body }, rejection },
        },
        true,
      );
    }
    judgeSchemas(old, cur, options, findings, stats);
  }
  return { findings: findings.list(), stats };
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
