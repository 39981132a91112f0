// Builds a whole value around a part: the counterexample search decides what to put at a node of
// the schema (a removed enum value, an object without a newly required field…), and this wraps it
// in the smallest value of the root that reaches that node (minimal siblings, one array item).
import { isObj } from '../sampling/sampleTypes';
import type { Seg } from '../structural/change';
import type { SchemaNode } from '../../schema/json/resolveRefs';
import { NONE, sample, type Rng } from '../sampling/sample';

/** A value of `root` whose part at `path` (a path into the schema) is `leaf`; NONE when the path cannot be aimed at. */
export function buildAt(root: SchemaNode, path: Seg[], leaf: unknown, rng: Rng): unknown {
  if (path.length === 0) return leaf;
  if (typeof root === 'boolean') return NONE;
  const [kw, key, ...rest] = path;
  const base = () => sample(root, rng, 'minimal');
  switch (kw) {
    case 'properties': {
      const obj = base();
      const inner = buildAt((root.properties as Record<string, SchemaNode>)[key as string], rest, leaf, rng);
      return isObj(obj) && inner !== NONE ? { ...obj, [key as string]: inner } : NONE;
    }
    case 'additionalProperties': {
      const obj = base();
      const inner = buildAt(root.additionalProperties as SchemaNode, path.slice(1), leaf, rng);
      return isObj(obj) && inner !== NONE ? { ...obj, x_probe_field: inner } : NONE;
    }
    case 'items':
    case 'contains': {
      const arr = base();
      const inner = buildAt(root[kw] as SchemaNode, path.slice(1), leaf, rng);
      if (!Array.isArray(arr) || inner === NONE) return NONE;
      return kw === 'items' && arr.length > 0 ? [inner, ...arr.slice(1)] : [...arr, inner];
    }
    case 'prefixItems': {
      const arr = base();
      const items = root.prefixItems as SchemaNode[];
      const inner = buildAt(items[key as number], rest, leaf, rng);
      if (!Array.isArray(arr) || inner === NONE) return NONE;
      const out = [...arr];
      for (let i = out.length; i < (key as number); i++) out.push(sample(items[i], rng, 'minimal'));
      out[key as number] = inner;
      return out.includes(NONE) ? NONE : out;
    }
    case 'anyOf':
    case 'oneOf':
    case 'allOf':
      return buildAt((root[kw] as SchemaNode[])[key as number], rest, leaf, rng);
    default:
      // if/then/else, not, dependentSchemas, patternProperties…: no reliable way to aim there.
      return NONE;
  }
}
