// The object keywords: required, properties (removed, renamed, added, changed), additionalProperties,
// patternProperties, dependentSchemas and dependentRequired.
import type { JsonSchema } from '../../schema/schemas';
import type { SchemaNode } from '../../schema/json/resolveRefs';
import { escapeSegment as escape } from '../../schema/json/jsonPointer';
import { same, type Ctx, type Walker } from './walker';

/** Every keyword this family compares (compare.ts reports any keyword no family lists). */
export const OBJECT_KEYWORDS = [
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'dependentSchemas',
  'dependentRequired',
];

export function compareObjects(o: JsonSchema, n: JsonSchema, ctx: Ctx, walker: Walker): void {
  const { emit, walk, child } = walker;
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
      emit(ctx, 'additional-properties-closed', 'additionalProperties', `no longer accepts unknown fields`, {
        extraKey: 'x_unknown_field',
      });
    else if (oa === false)
      emit(ctx, 'additional-properties-opened', 'additionalProperties', `now accepts unknown fields`, {
        extraKey: 'x_unknown_field',
      });
    else {
      const [a, b] = [(oa ?? true) as SchemaNode, (na ?? true) as SchemaNode];
      walk(a, b, child(ctx, ['additionalProperties'], ['additionalProperties'], '/<any other field>', a, b));
    }
  }
  keyed(o, n, ctx, walker, 'patternProperties', (k) => `/<${k}>`);
  keyed(o, n, ctx, walker, 'dependentSchemas', () => '');
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
function keyed(
  o: JsonSchema,
  n: JsonSchema,
  ctx: Ctx,
  { emit, walk, child }: Walker,
  kw: string,
  at: (k: string) => string,
) {
  const [om, nm] = [(o[kw] ?? {}) as Record<string, SchemaNode>, (n[kw] ?? {}) as Record<string, SchemaNode>];
  for (const k of new Set([...Object.keys(om), ...Object.keys(nm)])) {
    if (!(k in nm)) emit(ctx, 'constraint-removed', kw, `${kw} "${k}" removed`, undefined, true);
    else if (!(k in om)) emit(ctx, 'constraint-added', `${kw}/${escape(k)}`, `${kw} "${k}" added`);
    else walk(om[k], nm[k], child(ctx, [kw, k], [kw, k], at(k), om[k], nm[k]));
  }
}
