// Where each part of the event schema comes from, as data: every property carries `x-source`
// ("docs" for the API documentation's Body table, "sdk" or "ton-connect" for a field only a real
// client sends, with the client named in `x-client`), and every reconciliation that widens a
// documented field (a `null`, extra enum values, an empty list) is listed in `x-widened` with its
// own source. The conformance suite reads these to decide which verdicts rest on the documentation
// and which are warnings, and to build events that carry only what the documentation guarantees.
import type { JsonSchema } from './schemas';

/** Our annotation keywords (ajv must know them in strict mode; they never affect validation). */
export const PROVENANCE_KEYWORDS = ['x-source', 'x-client', 'x-widened', 'x-docs-shape', 'x-docs-note'];

export type Source = 'docs' | 'sdk' | 'ton-connect';

export interface Widening {
  'x-source': Source;
  'x-client'?: string;
  /** What the widening adds to the documented field: `type`, `enum` values or `minItems`. */
  adds: { type?: string; enum?: unknown[]; minItems?: number };
  why?: string;
}

/** The source of a schema node; a node without `x-source` is taken as documented. */
export function sourceOf(node: JsonSchema): Source {
  const s = node['x-source'];
  return s === 'sdk' || s === 'ton-connect' ? s : 'docs';
}

function widenings(node: JsonSchema): Widening[] {
  return Array.isArray(node['x-widened']) ? (node['x-widened'] as Widening[]) : [];
}

/** True when the node's JSON type `type` (or enum value) was added by a client, not by the docs. */
function addedByClients(node: JsonSchema, pick: (w: Widening) => boolean): boolean {
  const by = widenings(node).filter(pick);
  return by.length > 0 && by.every((w) => w['x-source'] !== 'docs');
}

/**
 * The documented contract of an (inlined) schema node: undocumented properties dropped, types and
 * enum values a client added removed, and array items in their documented shape (`x-docs-shape`).
 * Validating against it says what a server that implements exactly the docs must accept.
 */
export function documentedView(node: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...node };
  if (Array.isArray(node.type)) {
    const types = (node.type as string[]).filter((t) => !addedByClients(node, (w) => w.adds.type === t));
    out.type = types.length === 1 ? types[0] : types;
  }
  if (Array.isArray(node.enum)) {
    out.enum = (node.enum as unknown[]).filter(
      (v) => !addedByClients(node, (w) => (w.adds.enum ?? []).includes(v)),
    );
  }
  if (node.properties && typeof node.properties === 'object') {
    const props: Record<string, JsonSchema> = {};
    for (const [k, sub] of Object.entries(node.properties as Record<string, JsonSchema>)) {
      if (sourceOf(sub) === 'docs') props[k] = documentedView(sub);
    }
    out.properties = props;
  }
  if (node.items && typeof node.items === 'object') {
    const items = documentedView(node.items as JsonSchema);
    const shape = node['x-docs-shape'] as { minItems?: number; itemsRequired?: string[] } | undefined;
    if (shape?.itemsRequired) items.required = shape.itemsRequired;
    if (shape?.minItems !== undefined) out.minItems = shape.minItems;
    out.items = items;
  }
  return out;
}
