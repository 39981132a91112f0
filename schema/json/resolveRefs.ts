// Inlines every `$ref` of a set of draft 2020-12 documents, so two versions of a schema can be
// compared node by node (and compiled by ajv with no registry). Each produced node remembers where
// it came from (`event.schema.json#/properties/messages`), so findings name the line to look at.
import type { JsonSchema } from '../schemas';
import { sameJson } from './canonicalJson';
import { escapeSegment, unescapeSegment } from './jsonPointer';

export type SchemaNode = JsonSchema | boolean;

export interface ResolvedSchema {
  schema: SchemaNode;
  /** node → `file#/json/pointer` of the definition it was made from. */
  origins: WeakMap<object, string>;
}

/** Keywords whose value is one schema, a map of schemas, or a list of schemas (draft 2020-12). */
const ONE = new Set([
  'additionalProperties',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const MAP = new Set(['properties', 'patternProperties', 'dependentSchemas']);
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Identity and definition keywords: meaningless once everything is inlined (a nested $id would re-base ajv). */
const DROPPED = new Set([
  '$id',
  '$schema',
  '$defs',
  'definitions',
  '$anchor',
  '$dynamicAnchor',
  '$vocabulary',
]);
/** Annotations a `$ref` may carry beside it without changing what the target accepts. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated']);
/** Annotations, ours (`x-source`, `x-widened`…) included: they never change what a schema accepts. */
const isAnnotation = (k: string): boolean => ANNOTATIONS.has(k) || k.startsWith('x-');

export class RefError extends Error {}

function fileName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1) || id;
}

/**
 * @param documents every document the root may reference, each with an absolute `$id`
 * @param rootRef the `$id` (optionally with `#/pointer`) of the schema to resolve
 */
export function resolveRefs(documents: JsonSchema[], rootRef: string): ResolvedSchema {
  const byId = new Map<string, JsonSchema>();
  for (const doc of documents) {
    if (typeof doc.$id !== 'string') throw new RefError('every document needs an absolute $id');
    byId.set(doc.$id.replace(/#$/, ''), doc);
  }
  const origins = new WeakMap<object, string>();

  function locate(ref: string, base: string): { node: unknown; doc: string; pointer: string } {
    let url: string;
    try {
      url = new URL(ref, base).href;
    } catch {
      throw new RefError(`cannot resolve $ref "${ref}" against ${base}`);
    }
    const [docId, fragment = ''] = url.split('#');
    const doc = byId.get(docId);
    if (!doc) throw new RefError(`$ref "${ref}" points outside the schema set (${docId})`);
    if (fragment && !fragment.startsWith('/'))
      throw new RefError(`$ref "${ref}": only JSON-pointer fragments are supported, not anchors`);
    let node: unknown = doc;
    for (const seg of fragment
      .split('/')
      .slice(1)
      .map((seg) => unescapeSegment(decodeURIComponent(seg)))) {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
      if (node === undefined) throw new RefError(`$ref "${ref}": nothing at ${fileName(docId)}#${fragment}`);
    }
    return { node, doc: docId, pointer: fragment };
  }

  function resolve(node: unknown, base: string, pointer: string, stack: string[]): SchemaNode {
    if (typeof node === 'boolean') return node;
    if (!node || typeof node !== 'object' || Array.isArray(node))
      throw new RefError(`not a schema at ${fileName(base)}#${pointer}`);
    const schema = node as JsonSchema;
    if ('$dynamicRef' in schema || '$recursiveRef' in schema)
      throw new RefError(`$dynamicRef is not supported (${fileName(base)}#${pointer})`);
    const here = typeof schema.$id === 'string' ? new URL(schema.$id, base).href.split('#')[0] : base;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(schema)) {
      if (DROPPED.has(key) || key === '$ref') continue;
      const at = `${pointer}/${escapeSegment(key)}`;
      if (ONE.has(key)) out[key] = resolve(value, here, at, stack);
      else if (MAP.has(key) && value && typeof value === 'object')
        out[key] = Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, resolve(v, here, `${at}/${escapeSegment(k)}`, stack)]),
        );
      else if (LIST.has(key) && Array.isArray(value))
        out[key] = value.map((v, i) => resolve(v, here, `${at}/${i}`, stack));
      else out[key] = structuredClone(value);
    }
    origins.set(out, `${fileName(here)}#${pointer}`);
    if (typeof schema.$ref !== 'string') return out;

    const target = locate(schema.$ref, here);
    const key = `${target.doc}#${target.pointer}`;
    if (stack.includes(key)) throw new RefError(`recursive $ref to ${fileName(key)} is not supported`);
    const resolved = resolve(target.node, target.doc, target.pointer, [...stack, key]);
    if (typeof resolved === 'boolean') {
      const assertions = Object.keys(out).filter((k) => !isAnnotation(k));
      return assertions.length === 0 || resolved === false ? resolved : { allOf: [resolved, out] };
    }
    // Siblings of $ref (2020-12 allows them) merge into the target when they only add keywords;
    // a keyword on both sides that disagrees keeps both schemas, as an allOf.
    const clash = Object.keys(out).some(
      (k) => !isAnnotation(k) && k in resolved && !sameJson(resolved[k], out[k]),
    );
    const merged = clash ? { allOf: [resolved, out] } : { ...resolved, ...out };
    origins.set(merged, origins.get(resolved) ?? `${fileName(here)}#${pointer}`);
    return merged;
  }

  const [rootId, rootFragment = ''] = rootRef.split('#');
  const root = locate(`${rootId}#${rootFragment}`, rootId);
  return { schema: resolve(root.node, root.doc, root.pointer, [`${root.doc}#${root.pointer}`]), origins };
}
