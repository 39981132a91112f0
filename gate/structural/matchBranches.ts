// Which branch of an old anyOf / oneOf became which branch of the new one, so each pair is compared
// and the rest are reported as removed or added.
import type { SchemaNode } from '../../schema/json/resolveRefs';
import { same } from './walker';

/** A branch as a finding names it: its title, else its type. */
export function label(s: SchemaNode): string {
  if (typeof s === 'boolean') return String(s);
  return String(s.title ?? (Array.isArray(s.type) ? s.type.join('|') : (s.type ?? 'schema')));
}

/** Pairs old and new branches: same position when the counts agree, else equal, same title, same type. */
export function matchBranches(o: SchemaNode[], n: SchemaNode[]) {
  if (o.length === n.length)
    return { pairs: o.map((_, i) => [i, i] as [number, number]), removed: [], added: [] };
  const pairs: [number, number][] = [];
  const freeNew = new Set(n.map((_, j) => j));
  const tests = [
    (a: SchemaNode, b: SchemaNode) => same(a, b),
    (a: SchemaNode, b: SchemaNode) => label(a) === label(b),
  ];
  const freeOld = new Set(o.map((_, i) => i));
  for (const test of tests)
    for (const i of [...freeOld]) {
      const j = [...freeNew].find((x) => test(o[i], n[x]));
      if (j === undefined) continue;
      pairs.push([i, j]);
      freeOld.delete(i);
      freeNew.delete(j);
    }
  return { pairs, removed: [...freeOld], added: [...freeNew] };
}
