// Makes a counterexample small enough to read in a CI log: leaves out object fields and array
// items, outside in, keeping each step only while the value still shows the same break.
import { isObj } from '../sampling/sampleTypes';

type Path = (string | number)[];

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, seg) => (v as Record<string | number, unknown>)[seg], value);
}

/** A copy of `root` with the part at `path` replaced (the rest shared). */
function put(root: unknown, path: Path, part: unknown): unknown {
  if (path.length === 0) return part;
  const [seg, ...rest] = path;
  if (Array.isArray(root)) return root.map((v, i) => (i === seg ? put(v, rest, part) : v));
  const obj = root as Record<string, unknown>;
  return { ...obj, [seg]: put(obj[seg as string], rest, part) };
}

/**
 * The smallest value found by greedy removal for which `keep` still holds.
 * @param budget at most this many calls of `keep` (each is a validation or two)
 */
export function shrink(value: unknown, keep: (candidate: unknown) => boolean, budget = 400): unknown {
  let current = value;
  let checks = 0;
  const attempt = (candidate: unknown) => {
    if (checks >= budget) return;
    checks++;
    if (keep(candidate)) current = candidate;
  };
  const visit = (path: Path) => {
    const node = get(current, path);
    if (Array.isArray(node))
      for (let i = node.length - 1; i >= 0; i--) {
        const now = get(current, path) as unknown[];
        if (i < now.length)
          attempt(
            put(
              current,
              path,
              now.filter((_, j) => j !== i),
            ),
          );
      }
    else if (isObj(node))
      for (const key of Object.keys(node)) {
        const { [key]: _left, ...rest } = get(current, path) as Record<string, unknown>;
        if (key in (get(current, path) as object)) attempt(put(current, path, rest));
      }
    const after = get(current, path);
    if (Array.isArray(after)) after.forEach((_, i) => visit([...path, i]));
    else if (isObj(after)) Object.keys(after).forEach((k) => visit([...path, k]));
  };
  visit([]);
  return current;
}
