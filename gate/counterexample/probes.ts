// What the aimed search tries at a change's node: the values the change itself names (a removed
// enum value, the old const), values at the lines either schema draws (edges, what `not` forbids),
// values of a removed type or branch, then samples of the node and simple variants of them
// (case, spacing, sign) — the differences format and pattern changes hinge on.
import { isObj } from '../sampling/sampleTypes';
import type { Change } from '../structural/change';
import type { SchemaNode } from '../../schema/json/resolveRefs';
import { edgeValues, sample, type Rng } from '../sampling/sample';

/** Up to how many leaf values a targeted search tries per change. */
const TARGETED_TRIES = 60;

export function probeValues(
  change: Change,
  node: SchemaNode,
  other: SchemaNode | undefined,
  rng: Rng,
): unknown[] {
  const p = change.probe ?? {};
  const out: unknown[] = [...(p.values ?? [])];
  const obj = typeof node === 'object' ? node : {};
  // What the refusing side forbids (`not`) and where it draws its lines are the likeliest probes.
  if (other !== undefined) {
    const forbidden = typeof other === 'object' ? (other.not as SchemaNode | undefined) : undefined;
    if (forbidden !== undefined) out.push(...edgeValues(forbidden), sample(forbidden, rng, 'minimal'));
    out.push(...edgeValues(other));
  }
  if (p.branch) {
    const branches = obj[p.branch.keyword] as SchemaNode[] | undefined;
    const branch = branches?.[p.branch.index];
    if (branch !== undefined)
      for (const mode of ['minimal', 'full', 'random'] as const) out.push(sample(branch, rng, mode));
  }
  for (const t of p.types ?? []) {
    const typed = { ...obj, type: t };
    out.push(sample(typed, rng, 'minimal'), sample(typed, rng, 'random'));
  }
  out.push(...edgeValues(node));
  for (const mode of ['minimal', 'full'] as const) out.push(sample(node, rng, mode));
  while (out.length < TARGETED_TRIES) out.push(sample(node, rng, 'random'));
  out.push(...out.flatMap(variants));
  if (p.extraKey !== undefined) {
    const declared = (obj.properties as Record<string, SchemaNode> | undefined)?.[p.extraKey];
    const value = declared === undefined ? 'x' : sample(declared, rng, 'random');
    return out.filter(isObj).map((o) => ({ ...o, [p.extraKey as string]: value }));
  }
  if (p.omit !== undefined)
    return out.filter(isObj).map((o) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== p.omit)));
  return out;
}

/** Near misses of a valid value: what a format or pattern written slightly differently lets through. */
function variants(value: unknown): unknown[] {
  if (typeof value === 'string')
    return [
      value.toUpperCase(),
      value.toLowerCase(),
      ` ${value}`,
      `${value}\n`,
      `${value}${value}`,
      value.slice(1),
    ];
  if (typeof value === 'number') return [-value, value + 0.5, value * 1e6, value - 1];
  return [];
}
