// A limit on JSON nesting. Deeply nested input (10,000 levels fit in 60 KB) costs recursion in
// every later consumer (validation, JSON.stringify for the journal file and the inspector), and no
// real client nests custom_data that deep. V8's JSON.parse is not recursive (500,000 levels parse),
// so the check runs on the parsed value: it visits nodes, not characters — about 2 µs for a batch of
// 20 events, where a scan of the text took 20–30 µs.
export const MAX_JSON_DEPTH = 64;

/** Whether objects and arrays nest deeper than `max` (the top-level value is depth 1). Iterative. */
export function exceedsDepth(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  // Two parallel stacks (no tuple or Object.values array per node): this runs on every body.
  const nodes: object[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > max) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object') {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        const child = record[key];
        if (child !== null && typeof child === 'object') {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}
