// The keywords that hold subschemas for items and for alternatives: items, prefixItems, contains,
// propertyNames and the unevaluated ones; anyOf / oneOf (branches matched by matchBranches), allOf,
// not and if / then / else.
import type { JsonSchema } from '../../schema/schemas';
import type { SchemaNode } from '../../schema/json/resolveRefs';
import { label, matchBranches } from './matchBranches';
import { same, type Ctx, type Walker } from './walker';

/** Keywords "absent" means "anything": compared as `true` when missing on one side. */
const OPEN_WHEN_ABSENT = ['items', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const BRANCHING = ['anyOf', 'oneOf'] as const;
const CONDITIONAL = ['if', 'then', 'else'];
/** Every keyword this family compares (compare.ts reports any keyword no family lists). */
export const APPLICATOR_KEYWORDS = [
  ...OPEN_WHEN_ABSENT,
  'prefixItems',
  'contains',
  ...BRANCHING,
  'allOf',
  'not',
  ...CONDITIONAL,
];

/** The array keywords, then the combinators, in the order their changes are listed. */
export function compareApplicators(o: JsonSchema, n: JsonSchema, ctx: Ctx, walker: Walker): void {
  arrays(o, n, ctx, walker);
  combinators(o, n, ctx, walker);
}

function arrays(o: JsonSchema, n: JsonSchema, ctx: Ctx, walker: Walker) {
  const { walk, child } = walker;
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
  optional(o, n, ctx, walker, 'contains', '/<some item>');
}

/** A keyword that is a constraint when present and nothing when absent (contains, not). */
function optional(
  o: JsonSchema,
  n: JsonSchema,
  ctx: Ctx,
  { emit, walk, child }: Walker,
  kw: string,
  at: string,
  reversed = false,
) {
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

function combinators(o: JsonSchema, n: JsonSchema, ctx: Ctx, walker: Walker) {
  const { emit, walk, child } = walker;
  for (const kw of BRANCHING) {
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
    if (i >= na.length) emit(ctx, 'constraint-removed', `allOf`, `allOf entry ${i} removed`, undefined, true);
    else if (i >= oa.length) emit(ctx, 'constraint-added', `allOf/${i}`, `allOf entry ${i} added`);
    else walk(oa[i], na[i], child(ctx, ['allOf', i], ['allOf', i], '', oa[i], na[i]));
  }
  optional(o, n, ctx, walker, 'not', '', true);
  for (const kw of CONDITIONAL) optional(o, n, ctx, walker, kw, '', true);
}
