// The keywords that constrain the value at a node itself, with no subschema under them:
// annotations, type, enum / const, format / pattern and the numeric bounds (lengths, counts, ranges,
// multipleOf, uniqueItems).
import type { JsonSchema } from '../../schema/schemas';
import { clip, same, show, type Ctx, type Walker } from './walker';

export const ANNOTATIONS = new Set([
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
const STRING_KEYWORDS = ['format', 'pattern'] as const;
const BOUND_KEYWORDS = [...LOWER, ...UPPER, 'multipleOf'];
/** Every keyword this family compares (compare.ts reports any keyword no family lists). */
export const CONSTRAINT_KEYWORDS = [
  ...ANNOTATIONS,
  'type',
  'enum',
  'const',
  ...STRING_KEYWORDS,
  ...BOUND_KEYWORDS,
  'uniqueItems',
];
const ALL_TYPES = ['null', 'boolean', 'object', 'array', 'number', 'string', 'integer'];

/** Runs each family of constraint keywords, in the order their changes are listed. */
export function compareConstraints(o: JsonSchema, n: JsonSchema, ctx: Ctx, walker: Walker): void {
  annotations(o, n, ctx, walker);
  types(o, n, ctx, walker);
  values(o, n, ctx, walker);
  strings(o, n, ctx, walker);
  bounds(o, n, ctx, walker);
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

function annotations(o: JsonSchema, n: JsonSchema, ctx: Ctx, { emit }: Walker) {
  for (const k of new Set([...Object.keys(o), ...Object.keys(n)])) {
    // x-status is the response's HTTP status: compared by the surfaces, as its own rule.
    if (!(ANNOTATIONS.has(k) || k.startsWith('x-')) || k === 'x-status' || same(o[k], n[k])) continue;
    emit(ctx, 'annotation-changed', k, `${k}: ${clip(o[k])} → ${clip(n[k])}`, undefined, !(k in n));
  }
}

function types(o: JsonSchema, n: JsonSchema, ctx: Ctx, { emit }: Walker) {
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

function values(o: JsonSchema, n: JsonSchema, ctx: Ctx, { emit }: Walker) {
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

function strings(o: JsonSchema, n: JsonSchema, ctx: Ctx, { emit }: Walker) {
  for (const kw of STRING_KEYWORDS) {
    if (same(o[kw], n[kw])) continue;
    const [a, b] = [o[kw], n[kw]];
    if (a === undefined) emit(ctx, `${kw}-added`, kw, `must now match ${kw} ${show(b)}`);
    else if (b === undefined)
      emit(ctx, `${kw}-removed`, kw, `no longer needs ${kw} ${show(a)}`, undefined, true);
    else emit(ctx, `${kw}-changed`, kw, `${kw} ${show(a)} → ${show(b)}`);
  }
}

function bounds(o: JsonSchema, n: JsonSchema, ctx: Ctx, { emit }: Walker) {
  for (const kw of BOUND_KEYWORDS) {
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
