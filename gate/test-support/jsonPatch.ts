// JSON Patch (RFC 6902), applied to a copy: the gate's fixtures are written as a base schema plus
// the edit under test, and this turns them back into the two schemas. All six operations; an
// operation that cannot apply throws a PatchError naming it. One liberty, harmless to JSON: an
// object member that is replaced (`replace`, or `add` onto an existing member) keeps its place among
// the keys, so an edit changes exactly what it says (key order is what the `keys-reordered` fixture
// is about).
import { sameJson } from '../../schema/json/canonicalJson';
import { unescapeSegment } from '../../schema/json/jsonPointer';

export type PatchOp =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

export class PatchError extends Error {}

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;
const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

function segments(pointer: unknown): string[] {
  if (typeof pointer !== 'string') throw new PatchError('a path must be a string');
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError(`"${pointer}" is not a JSON pointer`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** An array index as RFC 6901 writes it; `-` (one past the end) only where `add` may append. */
function index(array: unknown[], seg: string, forAdd: boolean): number {
  if (forAdd && seg === '-') return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(seg)) throw new PatchError(`"${seg}" is not an array index`);
  const i = Number(seg);
  if (i > array.length || (!forAdd && i === array.length))
    throw new PatchError(`index ${i} is out of bounds (length ${array.length})`);
  return i;
}

function child(node: unknown, seg: string): unknown {
  if (Array.isArray(node)) return node[index(node, seg, false)];
  if (isContainer(node) && hasOwn(node, seg)) return (node as Record<string, unknown>)[seg];
  throw new PatchError(`nothing at "${seg}"`);
}

function get(doc: unknown, path: string[]): unknown {
  return path.reduce(child, doc);
}

function parentOf(doc: unknown, path: string[]): Container {
  const parent = get(doc, path.slice(0, -1));
  if (!isContainer(parent)) throw new PatchError('the parent is not an object or an array');
  return parent;
}

// Defined rather than assigned, so a key such as "__proto__" is an ordinary member, as in JSON.parse.
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function add(doc: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = parentOf(doc, path);
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(index(parent, key, true), 0, value);
  else put(parent, key, value);
  return doc;
}

function remove(doc: unknown, path: string[]): unknown {
  if (path.length === 0) throw new PatchError('cannot remove the whole document');
  const parent = parentOf(doc, path);
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(index(parent, key, false), 1);
  else if (hasOwn(parent, key)) delete parent[key];
  else throw new PatchError(`nothing at "${key}"`);
  return doc;
}

function replace(doc: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = parentOf(doc, path);
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent[index(parent, key, false)] = value;
  else if (hasOwn(parent, key)) put(parent, key, value);
  else throw new PatchError(`nothing at "${key}"`);
  return doc;
}

function valueOf(op: Record<string, unknown>): unknown {
  if (!('value' in op)) throw new PatchError('needs a value');
  return structuredClone(op.value);
}

function applyOp(doc: unknown, op: Record<string, unknown>): unknown {
  const path = segments(op.path);
  switch (op.op) {
    case 'add':
      return add(doc, path, valueOf(op));
    case 'remove':
      return remove(doc, path);
    case 'replace':
      return replace(doc, path, valueOf(op));
    case 'copy':
      return add(doc, path, structuredClone(get(doc, segments(op.from))));
    case 'move': {
      const from = segments(op.from);
      if (from.length < path.length && from.every((seg, i) => seg === path[i]))
        throw new PatchError('cannot move a value into itself');
      const value = get(doc, from);
      return add(remove(doc, from), path, value);
    }
    case 'test':
      if (!sameJson(get(doc, path), op.value)) throw new PatchError('the value differs');
      return doc;
    default:
      throw new PatchError(`unknown op ${JSON.stringify(op.op)}`);
  }
}

/** The document with every operation applied in order; the input is left untouched. */
export function applyPatch(document: unknown, ops: readonly PatchOp[]): unknown {
  if (!Array.isArray(ops)) throw new PatchError('a patch is a list of operations');
  let doc = structuredClone(document);
  ops.forEach((op: unknown, i) => {
    if (!isContainer(op) || Array.isArray(op)) throw new PatchError(`operation ${i} is not an object`);
    try {
      doc = applyOp(doc, op);
    } catch (err) {
      if (!(err instanceof PatchError)) throw err;
      const o = op as Record<string, unknown>;
      throw new PatchError(`operation ${i} (${String(o.op)} ${String(o.path)}): ${err.message}`);
    }
  });
  return doc;
}
