// A page that posts to the mock the way the official SDK does: a JSON array gzip-compressed in the
// browser with CompressionStream, sent cross-origin with fetch and the SDK's headers. It returns
// what the page itself can read: status, body and the exposed diagnostic headers.
export const POSTER_PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>poster</title>
<script>
async function gzip(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}
window.postLikeTheSdk = async function (url, token, events, extraHeaders) {
  const headers = Object.assign({
    'Content-Type': 'application/json',
    'Content-Encoding': 'gzip',
    'TGA-Auth-Token': token,
    // The SDK's proof-of-work header: the mock must allow it in the preflight and ignore it.
    'Content': 'c29tZS1wcm9vZg==',
  }, extraHeaders || {});
  try {
    const res = await fetch(url, { method: 'POST', headers: headers, body: await gzip(JSON.stringify(events)) });
    return {
      status: res.status,
      body: await res.json(),
      reason: res.headers.get('TGA-Mock-Reason'),
      violations: res.headers.get('TGA-Mock-Violations'),
    };
  } catch (error) {
    return { error: String(error) };
  }
};
</script></head><body><p>poster</p></body></html>`;

export interface PosterResult {
  status?: number;
  body?: unknown;
  reason?: string | null;
  violations?: string | null;
  /** Set when fetch itself failed, e.g. a CORS preflight refused. */
  error?: string;
}
