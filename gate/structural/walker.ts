// What the keyword families of the structural engine (compare.ts) share: where a compared node is,
// the walker each family is handed (to report a change, or to descend into a pair of subschemas),
// and the few ways values are compared and shown.
import type { Change, Seg } from './change';
import type { SchemaNode } from '../../schema/json/resolveRefs';
import type { RuleId } from '../rules';
import { sameJson } from '../../schema/json/canonicalJson';

/** Where the compared node is: its path and pointer in each tree, and the instance location it governs. */
export interface Ctx {
  oldPath: Seg[];
  newPath: Seg[];
  oldPointer: string;
  newPointer: string;
  at: string;
}

/** The engine as a keyword family sees it; compareSchemas builds one per comparison. */
export interface Walker {
  /** Records a change at `ctx`; `inOld`: the pointer names the old schema (the keyword left the new one). */
  emit: (
    ctx: Ctx,
    rule: RuleId,
    keyword: string,
    detail: string,
    probe?: Change['probe'],
    inOld?: boolean,
  ) => void;
  /** Compares two subschemas, emitting what differs under them. */
  walk: (o: SchemaNode, n: SchemaNode, ctx: Ctx) => void;
  /** The place of a pair of subschemas, `oldSegs` / `newSegs` below `ctx`, governing `ctx.at + at`. */
  child: (ctx: Ctx, oldSegs: Seg[], newSegs: Seg[], at: string, o: SchemaNode, n: SchemaNode) => Ctx;
}

/** Key order does not count (see schema/json/canonicalJson.ts). */
export const same = sameJson;
export const show = (v: unknown) => JSON.stringify(v);

export function clip(v: unknown): string {
  const text = v === undefined ? '(none)' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
