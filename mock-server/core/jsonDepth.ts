// A limit on JSON nesting, checked on the text before parsing. Deeply nested input (10,000 levels
// fit in 60 KB) costs recursion in every later consumer (validation, JSON.stringify for the
// journal file, the inspector) and no real client nests custom_data that deep.
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects and arrays in a JSON text, scanning until `max` is exceeded. */
export function exceedsDepth(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
