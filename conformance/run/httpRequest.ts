// One HTTP exchange over node:http(s). Not fetch: a conformance client must send exactly the
// headers it chooses (Origin, Content-Encoding, no token at all) and read any status without the
// client library second-guessing it.
import http from 'node:http';
import https from 'node:https';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** At most this much of a response body is kept: a misbehaving server must not exhaust memory. */
const MAX_BODY = 1 << 20;

export function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.url);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    const request = lib.request(url, { method: req.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = String(v);
        resolve({ status: res.statusCode ?? 0, headers: flat, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    request.setTimeout(req.timeoutMs, () =>
      request.destroy(new Error(`no answer within ${req.timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(req.body);
  });
}
