// The structural engine: walks two resolved schemas side by side and lists every difference as a
// change under one of the rules in rules.ts, with where it is (JSON pointer of the definition, and
// the instance location it governs) and the paths into both trees (for the counterexample search).
import type { JsonSchema } from '../../schema/schemas';
import type { Resolved, SchemaNode } from './resolve';
import type { RuleId } from './rules';

export type Seg = string | number;

export interface Change {
  rule: RuleId;
  /** Path of the compared node in the old / new resolved tree (the node that holds the keyword). */
  oldPath: Seg[];
  newPath: Seg[];
  /** `file#/pointer` of the keyword, in the new schema when it is there, else in the old one. */
  pointer: string;
  pointerSide: 'base' | 'head';
  /** The keyword that differs (`required`, `enum`, `maxLength`…), or '' for the node as a whole. */
  keyword: string;
  /** The instance location the node governs, e.g. `/*\/messages/*\/address` (`*` = any item). */
  at: string;
  detail: string;
  /** What the counterexample search aims at: a value to put at the node, a field to leave out… */
  probe?: {
    /** Values to try at the node. */
    values?: unknown[];
    /** A field to leave out of the object at the node. */
    omit?: string;
    /** A field to put into the object at the node. */
    extraKey?: string;
    /** JSON types to try at the node. */
    types?: string[];
    /** A branch (of the tree it exists in) to draw values from. */
    branch?: { keyword: string; index: number };
  };
}

const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);
const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
const ALL_TYPES = ['null', 'boolean', 'object', 'array', 'number', 'string', 'integer'];
/** Keywords "absent" means "anything": compared as `true` when missing on one side. */
const OPEN_WHEN_ABSENT = ['items', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const HANDLED = new Set([
  ...ANNOTATIONS,
  ...LOWER,
  ...UPPER,
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'multipleOf',
  'uniqueItems',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'dependentRequired',
  'dependentSchemas',
  'prefixItems',
  'contains',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  ...OPEN_WHEN_ABSENT,
]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => JSON.stringify(v);
const escape = (seg: string) => seg.replaceAll('~', '~0').replaceAll('/', '~1');

interface Ctx {
  oldPath: Seg[];
  newPath: Seg[];
  oldPointer: string;
  newPointer: string;
  at: string;
}

function typesOf(s: JsonSchema): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  const values = Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : null;
  if (!values) return ALL_TYPES;
  return [
    ...new Set(
      values.map((v) =>
        v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v,
      ),
    ),
  ];
}
const covers = (types: string[], t: string) =>
  types.includes(t) || (t === 'integer' && types.includes('number'));

function valueSet(s: JsonSchema): unknown[] | null {
  if ('const' in s) return [s.const];
  return Array.isArray(s.enum) ? s.enum : null;
}

export function compareSchemas(oldR: Resolved, newR: Resolved): Change[] {
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
    const p = (base: string, segs: Seg[]) => `${base}/${segs.map((s) => escape(String(s))).join('/')}`;
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
    annotations(os, ns, ctx);
    types(os, ns, ctx);
    values(os, ns, ctx);
    strings(os, ns, ctx);
    bounds(os, ns, ctx);
    objects(os, ns, ctx);
    arrays(os, ns, ctx);
    combinators(os, ns, ctx);
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

  function annotations(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    for (const k of new Set([...Object.keys(o), ...Object.keys(n)])) {
      // x-status is the response's HTTP status: compared by the surfaces, as its own rule.
      if (!(ANNOTATIONS.has(k) || k.startsWith('x-')) || k === 'x-status' || same(o[k], n[k])) continue;
      emit(ctx, 'annotation-changed', k, `${k}: ${clip(o[k])} → ${clip(n[k])}`, undefined, !(k in n));
    }
  }

  function types(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    if (!('type' in o) && !('type' in n)) return;
    const [ot, nt] = [typesOf(o), typesOf(n)];
    const removed = ot.filter((t) => !covers(nt, t));
    const added = nt.filter((t) => !covers(ot, t));
    if (removed.length)
      emit(ctx, 'type-narrowed', 'type', `no longer accepts ${removed.join(', ')}`, {
        types: removed,
      });
    if (added.length) emit(ctx, 'type-widened', 'type', `now also accepts ${added.join(', ')}`);
  }

  function values(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    const [ov, nv] = [valueSet(o), valueSet(n)];
    const kw = 'const' in n || (!('enum' in n) && 'const' in o) ? 'const' : 'enum';
    if (!ov && !nv) return;
    if (!ov) return emit(ctx, 'enum-added', kw, `is now limited to ${clip(nv)}`);
    if (!nv) return emit(ctx, 'enum-removed', kw, `is no longer limited to a list`, undefined, true);
    if (ov.length === 1 && nv.length === 1 && !same(ov[0], nv[0]))
      return emit(ctx, 'const-changed', kw, `${show(ov[0])} → ${show(nv[0])}`, {
        values: [ov[0], nv[0]],
      });
    for (const v of ov.filter((x) => !nv.some((y) => same(x, y))))
      emit(ctx, 'enum-value-removed', kw, `${show(v)} is no longer accepted`, { values: [v] });
    for (const v of nv.filter((x) => !ov.some((y) => same(x, y))))
      emit(ctx, 'enum-value-added', kw, `${show(v)} is now accepted`, { values: [v] });
  }

  function strings(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    for (const kw of ['format', 'pattern'] as const) {
      if (same(o[kw], n[kw])) continue;
      const [a, b] = [o[kw], n[kw]];
      if (a === undefined) emit(ctx, `${kw}-added`, kw, `must now match ${kw} ${show(b)}`);
      else if (b === undefined)
        emit(ctx, `${kw}-removed`, kw, `no longer needs ${kw} ${show(a)}`, undefined, true);
      else emit(ctx, `${kw}-changed`, kw, `${kw} ${show(a)} → ${show(b)}`);
    }
  }

  function bounds(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    for (const kw of [...LOWER, ...UPPER, 'multipleOf']) {
      const [a, b] = [o[kw], n[kw]];
      if (same(a, b)) continue;
      const where = `${kw}`;
      if (typeof a !== 'number') emit(ctx, 'bound-added', kw, `${where} ${show(b)} added`);
      else if (typeof b !== 'number')
        emit(ctx, 'bound-removed', kw, `${where} ${show(a)} removed`, undefined, true);
      else if (kw === 'multipleOf') {
        const rule = Number.isInteger(b / a)
          ? 'bound-tightened'
          : Number.isInteger(a / b)
            ? 'bound-relaxed'
            : 'bound-changed';
        emit(ctx, rule, kw, `${where} ${a} → ${b}`);
      } else {
        const tighter = LOWER.includes(kw) ? b > a : b < a;
        emit(ctx, tighter ? 'bound-tightened' : 'bound-relaxed', kw, `${where} ${a} → ${b}`);
      }
    }
    if (!!o.uniqueItems !== !!n.uniqueItems)
      emit(
        ctx,
        n.uniqueItems ? 'unique-items-added' : 'unique-items-removed',
        'uniqueItems',
        `uniqueItems ${!!o.uniqueItems} → ${!!n.uniqueItems}`,
      );
  }

  function objects(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    const [oreq, nreq] = [(o.required ?? []) as string[], (n.required ?? []) as string[]];
    for (const f of nreq.filter((x) => !oreq.includes(x)))
      emit(ctx, 'required-added', 'required', `field "${f}" is now required`, { omit: f });
    for (const f of oreq.filter((x) => !nreq.includes(x)))
      emit(ctx, 'required-removed', 'required', `field "${f}" is no longer required`, { omit: f });

    const op = (o.properties ?? {}) as Record<string, SchemaNode>;
    const np = (n.properties ?? {}) as Record<string, SchemaNode>;
    const removed = Object.keys(op).filter((k) => !(k in np));
    const added = Object.keys(np).filter((k) => !(k in op));
    const closedOld = o.additionalProperties === false;
    for (const k of removed) {
      // A removed field and an added one with the same schema: a rename.
      const to = added.find((a) => same(op[k], np[a]));
      if (to !== undefined) {
        added.splice(added.indexOf(to), 1);
        emit(ctx, 'property-renamed', `properties/${escape(k)}`, `field "${k}" was renamed to "${to}"`, {
          extraKey: k,
        });
      } else
        emit(
          ctx,
          'property-removed',
          `properties/${escape(k)}`,
          `field "${k}" was removed`,
          { extraKey: k },
          true,
        );
    }
    for (const k of added)
      emit(
        ctx,
        closedOld ? 'property-added-to-closed' : 'property-added',
        `properties/${escape(k)}`,
        `field "${k}" was added`,
        { extraKey: k },
      );
    for (const k of Object.keys(op).filter((x) => x in np))
      walk(op[k], np[k], child(ctx, ['properties', k], ['properties', k], `/${k}`, op[k], np[k]));

    const [oa, na] = [o.additionalProperties, n.additionalProperties];
    if (!same(oa, na)) {
      if (na === false)
        emit(
          ctx,
          'additional-properties-closed',
          'additionalProperties',
          `no longer accepts unknown fields`,
          { extraKey: 'x_unknown_field' },
        );
      else if (oa === false)
        emit(ctx, 'additional-properties-opened', 'additionalProperties', `now accepts unknown fields`, {
          extraKey: 'x_unknown_field',
        });
      else {
        const [a, b] = [(oa ?? true) as SchemaNode, (na ?? true) as SchemaNode];
        walk(
          a,
          b,
          child(ctx, ['additionalProperties'], ['additionalProperties'], '/<any other field>', a, b),
        );
      }
    }
    keyed(o, n, ctx, 'patternProperties', (k) => `/<${k}>`);
    keyed(o, n, ctx, 'dependentSchemas', () => '');
    const [odr, ndr] = [
      (o.dependentRequired ?? {}) as Record<string, string[]>,
      (n.dependentRequired ?? {}) as Record<string, string[]>,
    ];
    for (const k of new Set([...Object.keys(odr), ...Object.keys(ndr)])) {
      const more = (ndr[k] ?? []).filter((f) => !(odr[k] ?? []).includes(f));
      const fewer = (odr[k] ?? []).filter((f) => !(ndr[k] ?? []).includes(f));
      if (more.length)
        emit(ctx, 'constraint-added', 'dependentRequired', `with "${k}", ${more.join(', ')} now required`);
      if (fewer.length)
        emit(
          ctx,
          'constraint-removed',
          'dependentRequired',
          `with "${k}", ${fewer.join(', ')} no longer required`,
        );
    }
  }

  /** A keyword holding named subschemas, each an extra constraint: added = narrower, removed = wider. */
  function keyed(o: JsonSchema, n: JsonSchema, ctx: Ctx, kw: string, at: (k: string) => string) {
    const [om, nm] = [
      (o[kw] ?? {}) as Record<string, SchemaNode>,
      (n[kw] ?? {}) as Record<string, SchemaNode>,
    ];
    for (const k of new Set([...Object.keys(om), ...Object.keys(nm)])) {
      if (!(k in nm)) emit(ctx, 'constraint-removed', kw, `${kw} "${k}" removed`, undefined, true);
      else if (!(k in om)) emit(ctx, 'constraint-added', `${kw}/${escape(k)}`, `${kw} "${k}" added`);
      else walk(om[k], nm[k], child(ctx, [kw, k], [kw, k], at(k), om[k], nm[k]));
    }
  }

  function arrays(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    for (const kw of OPEN_WHEN_ABSENT) {
      if (same(o[kw], n[kw])) continue;
      const [a, b] = [(o[kw] ?? true) as SchemaNode, (n[kw] ?? true) as SchemaNode];
      const at = kw === 'items' ? '/*' : kw === 'propertyNames' ? '/<field name>' : '/<unevaluated>';
      walk(a, b, child(ctx, [kw], [kw], at, a, b));
    }
    const [op, np] = [(o.prefixItems ?? []) as SchemaNode[], (n.prefixItems ?? []) as SchemaNode[]];
    for (let i = 0; i < Math.max(op.length, np.length); i++) {
      const [a, b] = [op[i] ?? true, np[i] ?? true];
      walk(a, b, child(ctx, ['prefixItems', i], ['prefixItems', i], `/${i}`, a, b));
    }
    optional(o, n, ctx, 'contains', '/<some item>');
  }

  /** A keyword that is a constraint when present and nothing when absent (contains, not). */
  function optional(o: JsonSchema, n: JsonSchema, ctx: Ctx, kw: string, at: string, reversed = false) {
    if (same(o[kw], n[kw])) return;
    if (o[kw] === undefined) return emit(ctx, 'constraint-added', kw, `${kw} added`);
    if (n[kw] === undefined) return emit(ctx, 'constraint-removed', kw, `${kw} removed`, undefined, true);
    if (reversed) return emit(ctx, 'constraint-changed', kw, `${kw} changed`);
    walk(
      o[kw] as SchemaNode,
      n[kw] as SchemaNode,
      child(ctx, [kw], [kw], at, o[kw] as SchemaNode, n[kw] as SchemaNode),
    );
  }

  function combinators(o: JsonSchema, n: JsonSchema, ctx: Ctx) {
    for (const kw of ['anyOf', 'oneOf'] as const) {
      if (same(o[kw], n[kw])) continue;
      if (!o[kw] || !n[kw]) {
        if (!o[kw]) emit(ctx, 'constraint-added', kw, `${kw} added`);
        else emit(ctx, 'constraint-removed', kw, `${kw} removed`, undefined, true);
        continue;
      }
      const { pairs, removed, added } = matchBranches(o[kw] as SchemaNode[], n[kw] as SchemaNode[]);
      for (const i of removed)
        emit(
          ctx,
          'branch-removed',
          `${kw}`,
          `${kw} branch ${i} (${label((o[kw] as SchemaNode[])[i])}) removed`,
          { branch: { keyword: kw, index: i } },
          true,
        );
      for (const j of added)
        emit(
          ctx,
          kw === 'oneOf' ? 'one-of-branch-added' : 'branch-added',
          `${kw}/${j}`,
          `${kw} branch ${j} (${label((n[kw] as SchemaNode[])[j])}) added`,
          { branch: { keyword: kw, index: j } },
        );
      for (const [i, j] of pairs) {
        const [a, b] = [(o[kw] as SchemaNode[])[i], (n[kw] as SchemaNode[])[j]];
        walk(a, b, child(ctx, [kw, i], [kw, j], '', a, b));
      }
    }
    // allOf: every entry is one more constraint; entries are matched by position.
    const [oa, na] = [(o.allOf ?? []) as SchemaNode[], (n.allOf ?? []) as SchemaNode[]];
    for (let i = 0; i < Math.max(oa.length, na.length); i++) {
      if (i >= na.length)
        emit(ctx, 'constraint-removed', `allOf`, `allOf entry ${i} removed`, undefined, true);
      else if (i >= oa.length) emit(ctx, 'constraint-added', `allOf/${i}`, `allOf entry ${i} added`);
      else walk(oa[i], na[i], child(ctx, ['allOf', i], ['allOf', i], '', oa[i], na[i]));
    }
    optional(o, n, ctx, 'not', '', true);
    for (const kw of ['if', 'then', 'else']) optional(o, n, ctx, kw, '', true);
  }

  walk(oldR.schema, newR.schema, {
    oldPath: [],
    newPath: [],
    oldPointer: pointerOf(oldR.origins, oldR.schema, '#'),
    newPointer: pointerOf(newR.origins, newR.schema, '#'),
    at: '',
  });
  return changes;
}

function label(s: SchemaNode): string {
  if (typeof s === 'boolean') return String(s);
  return String(s.title ?? (Array.isArray(s.type) ? s.type.join('|') : (s.type ?? 'schema')));
}

function clip(v: unknown): string {
  const text = v === undefined ? '(none)' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
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
