// The fuzz property, shared by the bounded run in `npm test` and the long `npm run fuzz`: whatever
// a client sends to POST /events — arbitrary JSON, arbitrary bytes, arbitrary headers, near-valid
// events — the mock answers a registry body with its status (never 5xx), keeps answering, and
// records exactly the events of the requests it acknowledged with 201.
import http from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import realClients from '../../schema/examples/real-clients.json';
import { flipSignatureBit, joinToken, mustDecodeToken } from '../../schema/token';
import { ANSWERS, type Reason } from '../../mock-server';

export interface FuzzTarget {
  url: string;
  /** A valid token for app "docs", domain http://localhost. */
  token: string;
}

export interface FuzzRequest {
  label: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The parsed body when it is JSON the client meant to send (for the recorded-events check). */
  json?: unknown;
}

const printable = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map(String.fromCharCode), maxLength: max });

const validEvents: Record<string, unknown>[] = realClients.vectors.flatMap(
  (v) => (Array.isArray(v.body) ? v.body : [v.body]) as Record<string, unknown>[],
);
const validEvent = fc.constantFrom(...validEvents);

const tokenHeader = (good: string) =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constant(good) },
    fc.constant(flipSignatureBit(good)),
    fc.constant(undefined),
    fc.constant(''),
    printable(120),
    fc.constant(mustDecodeToken(good).claimsPart),
    fc.constant(joinToken(Buffer.from('{"app_name":1}').toString('base64'), mustDecodeToken(good).signature)),
    printable(40).map((s) => joinToken(Buffer.from(s).toString('base64'), mustDecodeToken(good).signature)),
  );

const origin = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  fc.constant('http://localhost:5173'),
  fc.constant('https://evil.example'),
  fc.constant('null'),
  printable(30),
);

const encoding = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, br'),
  printable(12),
);

function encode(body: Buffer, enc: string | undefined): Buffer {
  if (enc === 'gzip') return gzipSync(body);
  if (enc === 'deflate') return deflateSync(body);
  if (enc === 'br') return brotliCompressSync(body);
  return body;
}

/** A valid event broken (or not) in one schema-near way. */
const nearValid = fc
  .tuple(
    validEvent,
    fc.constantFrom('delete', 'retype', 'unknown-key', 'app_name', 'keep'),
    fc.constantFrom(...Object.keys(validEvents[0]), 'messages', 'auth_type', 'error_code', 'custom_data'),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map(([event, how, key, value]) => {
    const e: Record<string, unknown> = { ...event };
    if (how === 'delete') delete e[key];
    else if (how === 'retype') e[key] = value;
    else if (how === 'unknown-key') e[`x_${key}`] = value;
    else if (how === 'app_name') e.app_name = 'not-docs';
    return e;
  });

const jsonBody = fc.oneof(
  { weight: 3, arbitrary: nearValid.map((e) => [e] as unknown) },
  { weight: 2, arbitrary: fc.array(nearValid, { minLength: 0, maxLength: 5 }) },
  { weight: 1, arbitrary: nearValid },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.array(validEvent, { minLength: 1, maxLength: 20 }) },
);

export function requestArbitrary(good: string): fc.Arbitrary<FuzzRequest> {
  const headers = fc.record({
    token: tokenHeader(good),
    origin,
    encoding,
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      fc.constantFrom('text/plain', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded'),
      fc.constant(undefined),
    ),
    content: fc.option(printable(40), { nil: undefined }),
  });
  const body = fc.oneof(
    {
      weight: 4,
      arbitrary: jsonBody.map((json) => ({ json, raw: Buffer.from(JSON.stringify(json) ?? 'null') })),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => ({ json: undefined, raw: Buffer.from(b) })),
    },
  );
  return fc.tuple(headers, body).map(([h, b]) => {
    const out: Record<string, string> = {};
    if (h.token !== undefined) out['tga-auth-token'] = h.token;
    if (h.origin !== undefined) out.origin = h.origin;
    if (h.encoding !== undefined) out['content-encoding'] = h.encoding;
    if (h.contentType !== undefined) out['content-type'] = h.contentType;
    if (h.content !== undefined) out.content = h.content;
    return {
      label: `${Object.keys(out).join(',')} ${b.raw.length} bytes`,
      headers: out,
      body: encode(b.raw, h.encoding),
      json: b.json,
    };
  });
}

export interface Answer {
  status: number;
  reason?: string;
  body: unknown;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export function send(
  url: string,
  path: string,
  method: string,
  headers: Record<string, string>,
  body?: Buffer,
) {
  return new Promise<Answer>((resolve, reject) => {
    const u = new URL(url);
    const req = http.request({ agent, host: u.hostname, port: u.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // left as text: the property below reports it
        }
        resolve({
          status: res.statusCode ?? 0,
          reason: res.headers['tga-mock-reason'] as string,
          body: parsed,
        });
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

interface Counts {
  recorded: number;
}

async function recordedCount(url: string): Promise<number> {
  const health = await send(url, '/__mock/health', 'GET', {});
  return (health.body as { counts: Counts }).counts.recorded;
}

/** Sends one request and checks the property; `violation` describes what broke it, if anything. */
export async function checkOne(
  target: FuzzTarget,
  req: FuzzRequest,
): Promise<{ answer: Answer; violation?: string }> {
  const before = await recordedCount(target.url);
  const answer = await send(target.url, '/events', 'POST', req.headers, req.body);
  const after = await recordedCount(target.url);
  return { answer, violation: await violationOf(target, req, answer, before, after) };
}

async function violationOf(
  target: FuzzTarget,
  req: FuzzRequest,
  answer: Answer,
  before: number,
  after: number,
): Promise<string | undefined> {
  if (answer.status >= 500) return `answered ${answer.status}`;
  const entry = answer.reason ? ANSWERS.get(answer.reason as Reason) : undefined;
  if (!entry) return `no registry reason header (got ${String(answer.reason)}), status ${answer.status}`;
  if (entry.status !== answer.status)
    return `${answer.reason} answered with ${answer.status}, registry says ${entry.status}`;
  const bodyOk = entry.documented
    ? isDeepStrictEqual(answer.body, entry.body)
    : typeof (answer.body as { message?: unknown })?.message === 'string';
  if (!bodyOk) return `${answer.reason}: body ${JSON.stringify(answer.body)} is not the registry's`;
  if (!entry.documented && ![413, 415].includes(answer.status)) return `undocumented answer ${answer.reason}`;
  const sent = Array.isArray(req.json) ? req.json.length : 1;
  if (answer.status === 201) {
    if (after - before !== sent) return `201 for ${sent} events, journal grew by ${after - before}`;
    const since = await send(target.url, `/__mock/events?limit=${sent}&since=${before}`, 'GET', {});
    const recorded = (since.body as { events: { event: unknown }[] }).events.map((e) => e.event);
    const expected = Array.isArray(req.json) ? req.json : [req.json];
    if (!isDeepStrictEqual(recorded, expected)) return 'recorded events differ from the acknowledged body';
  } else if (after !== before) return `answered ${answer.status} but recorded ${after - before} events`;
  return undefined;
}

export function closeAgent(): void {
  agent.destroy();
}
