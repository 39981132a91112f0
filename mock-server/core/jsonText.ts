// An answer's body as JSON text and its byte length. The registry's bodies are frozen objects
// answered again and again: their text (and length) is computed once.
const frozenText = new WeakMap<object, { text: string; length: number }>();

export function jsonOf(body: unknown): { text: string; length: number } {
  const cacheable = typeof body === 'object' && body !== null && Object.isFrozen(body);
  const known = cacheable ? frozenText.get(body) : undefined;
  if (known) return known;
  const text = JSON.stringify(body);
  const out = { text, length: Buffer.byteLength(text) };
  if (cacheable) frozenText.set(body, out);
  return out;
}
