// A small HTTP proxy in front of the real mock that rewrites requests or answers: the "mutant
// servers" that prove each check can fail. Control API calls (/__mock/*) pass through untouched.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface MutationContext {
  /** Sends a (possibly rewritten) request to the mock. */
  forward(req: ProxyRequest): Promise<ProxyResponse>;
}

export interface Mutation {
  /** Rewrites a POST /events request, or answers it without the mock. */
  request?(
    req: ProxyRequest,
    ctx: MutationContext,
  ): ProxyRequest | ProxyResponse | Promise<ProxyRequest | ProxyResponse>;
  /** Rewrites the answer to a POST /events request. */
  response?(res: ProxyResponse, req: ProxyRequest): ProxyResponse;
  /** Answer /__mock/* with 404, as a real server would: the target no longer looks like the mock. */
  hideControlApi?: boolean;
  /** Answers (or passes on, with undefined) a request other than POST /events and /__mock/*: a preflight, the threshold. */
  other?(req: ProxyRequest): ProxyResponse | undefined;
}

const HOP_BY_HOP = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];

function forwarder(upstream: string) {
  return (req: ProxyRequest): Promise<ProxyResponse> =>
    new Promise((resolve, reject) => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.includes(k)),
      );
      const out = http.request(
        new URL(req.path, upstream),
        {
          method: req.method,
          headers: { ...headers, 'content-length': String(req.body.length) },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const h: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined && !HOP_BY_HOP.includes(k)) h[k] = String(v);
            resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
          });
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(req.body);
    });
}

export async function startMutantProxy(
  upstream: string,
  mutation: Mutation,
): Promise<{ url: string; close(): Promise<void> }> {
  const forward = forwarder(upstream);
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', async () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(incoming.headers)) if (v !== undefined) headers[k] = String(v);
      const req: ProxyRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers,
        body: Buffer.concat(chunks),
      };
      try {
        if (mutation.hideControlApi && req.path.startsWith('/__mock/')) {
          outgoing.writeHead(404, { 'content-type': 'application/json' });
          outgoing.end('{"message":"Not found"}');
          return;
        }
        const mutated = req.method === 'POST' && req.path === '/events';
        const own = !mutated && !req.path.startsWith('/__mock/') ? mutation.other?.(req) : undefined;
        if (own) {
          outgoing.writeHead(own.status, { ...own.headers, 'content-length': String(own.body.length) });
          outgoing.end(own.body);
          return;
        }
        const rewritten = mutated && mutation.request ? await mutation.request(req, { forward }) : req;
        let res = 'status' in rewritten ? rewritten : await forward(rewritten);
        if (mutated && mutation.response) res = mutation.response(res, req);
        outgoing.writeHead(res.status, { ...res.headers, 'content-length': String(res.body.length) });
        outgoing.end(res.body);
      } catch (error) {
        outgoing.writeHead(502, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ message: `mutant proxy: ${(error as Error).message}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
