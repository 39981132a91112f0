// A bounded mixed load from N concurrent workers on keep-alive connections. Every request carries
// events tagged with unique ids, so afterwards the ids of the 201-answered requests can be compared
// with what the server recorded: nothing lost, nothing extra, no part of a rejected batch.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { flipSignatureBit } from '../../schema/token';
import { sampleEvent } from '../bench/scenarios';

export type Kind = 'single' | 'batch' | 'gzip-batch' | 'invalid-batch' | 'bad-token';
const KINDS: Kind[] = ['single', 'batch', 'gzip-batch', 'invalid-batch', 'bad-token'];

export interface LoadResult {
  requests: number;
  byKind: Record<Kind, Record<string, number>>;
  /** Ids of the events in requests answered 201. */
  acknowledged: Set<string>;
  /** Ids of events in requests answered anything else. */
  rejected: Set<string>;
  errors: number;
}

interface Built {
  kind: Kind;
  ids: string[];
  headers: Record<string, string>;
  body: Buffer;
}

function build(kind: Kind, seq: number, worker: number, token: string): Built {
  const size = kind === 'single' ? 1 : 5;
  const ids = Array.from({ length: size }, (_, i) => `w${worker}-r${seq}-e${i}`);
  const events: Record<string, unknown>[] = ids.map((id, i) => ({
    ...sampleEvent(seq + i),
    custom_data: { soak_id: id },
  }));
  if (kind === 'invalid-batch') events[size - 1] = { ...events[size - 1], user_id: 'broken' };
  const json = Buffer.from(JSON.stringify(kind === 'single' ? events[0] : events));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'tga-auth-token': kind === 'bad-token' ? flipSignatureBit(token) : token,
  };
  if (kind === 'gzip-batch') headers['content-encoding'] = 'gzip';
  return { kind, ids, headers, body: kind === 'gzip-batch' ? gzipSync(json) : json };
}

function post(agent: http.Agent, url: URL, req: Built): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      { agent, host: url.hostname, port: url.port, path: '/events', method: 'POST', headers: req.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    r.setTimeout(10_000, () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    r.end(req.body);
  });
}

export async function runLoad(opts: {
  baseUrl: string;
  token: string;
  connections: number;
  seconds: number;
  maxRequests: number;
}): Promise<LoadResult> {
  const url = new URL(opts.baseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error('load only targets loopback');
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const result: LoadResult = {
    requests: 0,
    byKind: Object.fromEntries(KINDS.map((k) => [k, {}])) as LoadResult['byKind'],
    acknowledged: new Set(),
    rejected: new Set(),
    errors: 0,
  };
  const deadline = Date.now() + opts.seconds * 1000;
  let issued = 0;
  const worker = async (w: number) => {
    for (let seq = 0; Date.now() < deadline && issued < opts.maxRequests; seq++) {
      issued++;
      const req = build(KINDS[(seq + w) % KINDS.length], seq, w, opts.token);
      try {
        const status = await post(agent, url, req);
        result.requests++;
        const counts = result.byKind[req.kind];
        counts[status] = (counts[status] ?? 0) + 1;
        for (const id of req.ids) (status === 201 ? result.acknowledged : result.rejected).add(id);
      } catch {
        // A transport error leaves the outcome unknown: counted, and its ids kept out of both sets.
        result.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
  agent.destroy();
  return result;
}
