// The structural engine: walks two resolved schemas side by side and lists every difference as a
// change under one of the rules in ../rules.ts, with where it is (JSON pointer of the definition, and
// the instance location it governs) and the paths into both trees (for the counterexample search).
//
// This module walks the two trees and owns the list of changes; each family of keywords is compared
// in its own module beside it, handed a Walker (emit, walk, child) to report and descend.
import type { JsonSchema } from '../../schema/schemas';
import type { ResolvedSchema, SchemaNode } from '../../schema/json/resolveRefs';
import type { RuleId } from '../rules';
import type { Change, Seg } from './change';
import { APPLICATOR_KEYWORDS, compareApplicators } from './compareApplicators';
import { compareConstraints, CONSTRAINT_KEYWORDS } from './compareConstraints';
import { compareObjects, OBJECT_KEYWORDS } from './compareObjects';
import { escapeSegment } from '../../schema/json/jsonPointer';
import { same, show, type Ctx, type Walker } from './walker';

export { matchBranches } from './matchBranches';

/** Every keyword some family compares; any other is reported as an unrecognised change. */
export const HANDLED: ReadonlySet<string> = new Set([
  ...CONSTRAINT_KEYWORDS,
  ...OBJECT_KEYWORDS,
  ...APPLICATOR_KEYWORDS,
]);

export function compareSchemas(oldR: ResolvedSchema, newR: ResolvedSchema): Change[] {
  const changes: Change[] = [];

  function pointerOf(origins: WeakMap<object, string>, node: SchemaNode, fallback: string): string {
    return (typeof node === 'object' && origins.get(node)) || fallback;
  }

  function emit(
    ctx: Ctx,
    rule: RuleId,
    keyword: string,
    detail: string,
    probe?: Change['probe'],
    inOld = false,
  ) {
    const onNew = !inOld;
    changes.push({
      rule,
      oldPath: ctx.oldPath,
      newPath: ctx.newPath,
      pointer: [onNew ? ctx.newPointer : ctx.oldPointer, keyword].filter(Boolean).join('/'),
      pointerSide: onNew ? 'head' : 'base',
      keyword: keyword.split('/')[0],
      at: ctx.at || '/',
      detail,
      probe,
    });
  }

  function child(ctx: Ctx, oldSegs: Seg[], newSegs: Seg[], at: string, o: SchemaNode, n: SchemaNode): Ctx {
    const p = (base: string, segs: Seg[]) => `${base}/${segs.map((s) => escapeSegment(String(s))).join('/')}`;
    return {
      oldPath: [...ctx.oldPath, ...oldSegs],
      newPath: [...ctx.newPath, ...newSegs],
      oldPointer: pointerOf(oldR.origins, o, p(ctx.oldPointer, oldSegs)),
      newPointer: pointerOf(newR.origins, n, p(ctx.newPointer, newSegs)),
      at: ctx.at + at,
    };
  }

  function walk(o: SchemaNode, n: SchemaNode, ctx: Ctx): void {
    if (same(o, n)) return;
    if (n === false) return emit(ctx, 'schema-closed', '', `now rejects every value`);
    if (o === false) return emit(ctx, 'schema-opened', '', `accepted nothing before`);
    const os: JsonSchema = o === true ? {} : o;
    const ns: JsonSchema = n === true ? {} : n;
    compareConstraints(os, ns, ctx, walker);
    compareObjects(os, ns, ctx, walker);
    compareApplicators(os, ns, ctx, walker);
    for (const k of new Set([...Object.keys(os), ...Object.keys(ns)])) {
      if (HANDLED.has(k) || k.startsWith('x-') || same(os[k], ns[k])) continue;
      emit(
        ctx,
        'constraint-changed',
        k,
        `unrecognised keyword "${k}" changed: ${show(os[k])} → ${show(ns[k])}`,
      );
    }
  }

  const walker: Walker = { emit, walk, child };

  walk(oldR.schema, newR.schema, {
    oldPath: [],
    newPath: [],
    oldPointer: pointerOf(oldR.origins, oldR.schema, '#'),
    newPointer: pointerOf(newR.origins, newR.schema, '#'),
    at: '',
  });
  return changes;
}
