// The bad-input catalogue (docs/limits-and-guarantees.md): each hostile input gets a documented
// or clear JSON 4xx — or, for the slow client, a closed connection — and the mock keeps answering
// and records nothing it did not acknowledge.
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import { send, closeAgent, type Answer } from '../../scripts/fuzz/fuzzProperty';
import { documentedResponse } from '../../schema';

const EVENT = {
  event_name: 'app-init',
  session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
  user_id: 5123456789,
  app_name: 'docs',
};
const VALIDATION = documentedResponse('VALIDATION').body;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ rateLimit: 0, requestTimeout: 1000 });
});
afterAll(async () => {
  closeAgent();
  await mock.close();
});
afterEach(() => mock.reset());

function post(body: Buffer | string, headers: Record<string, string> = {}): Promise<Answer> {
  return send(
    mock.url,
    '/events',
    'POST',
    { 'content-type': 'application/json', 'tga-auth-token': mock.token(), ...headers },
    Buffer.isBuffer(body) ? body : Buffer.from(body),
  );
}

async function stillAnswers(): Promise<void> {
  const before = mock.events().length;
  expect(await post(JSON.stringify([EVENT]))).toMatchObject({
    status: 201,
    body: documentedResponse('RECORDED').body,
  });
  expect(mock.events()).toHaveLength(before + 1);
}

const deep = (depth: number) => '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth);
const withCustomData = (raw: string) =>
  JSON.stringify([{ ...EVENT, custom_data: {} }]).replace('"custom_data":{}', `"custom_data":${raw}`);

/** A body gzipped `layers` times (stored blocks: cheap to build), with its Content-Encoding. */
function stackedGzip(layers: number): [Buffer, Record<string, string>] {
  let body = Buffer.from(JSON.stringify([EVENT]));
  for (let i = 0; i < layers; i++) body = gzipSync(body, { level: 0 });
  return [body, { 'content-encoding': Array(layers).fill('gzip').join(',') }];
}

const cases: [string, () => Promise<Answer>, Partial<Answer>][] = [
  [
    'gzip bomb (50 MB of zeros in 50 KB)',
    () => post(gzipSync(Buffer.alloc(50e6)), { 'content-encoding': 'gzip' }),
    { status: 413, reason: 'PAYLOAD_TOO_LARGE' },
  ],
  [
    'body over the 1 MB limit',
    () => post(JSON.stringify([{ ...EVENT, platform: 'x'.repeat(1.1e6) }])),
    { status: 413 },
  ],
  [
    'array nested 10,000 deep',
    () => post('['.repeat(10_000) + ']'.repeat(10_000)),
    { status: 400, body: VALIDATION },
  ],
  [
    'object nested 10,000 deep in custom_data',
    () => post(withCustomData(deep(10_000))),
    { status: 400, body: VALIDATION },
  ],
  [
    'an array of 100,000 events (over the limit)',
    () => post(JSON.stringify(Array(100_000).fill(EVENT))),
    { status: 413 },
  ],
  [
    'an array of 100,000 empty objects',
    () => post(JSON.stringify(Array(100_000).fill({}))),
    { status: 400, body: VALIDATION },
  ],
  [
    'invalid UTF-8 inside a string',
    () =>
      post(
        Buffer.concat([
          Buffer.from(JSON.stringify([{ ...EVENT, platform: 'X' }]).replace('"X"', '"')),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('"}]'),
        ]),
      ),
    { status: 400, body: VALIDATION },
  ],
  [
    'duplicate keys (the last one, a string user_id, wins as in JSON.parse)',
    () => post(JSON.stringify([EVENT]).replace('"user_id":5123456789', '"user_id":5123456789,"user_id":"x"')),
    { status: 400, body: VALIDATION },
  ],
  [
    'wrong Content-Type (text/plain)',
    () => post(JSON.stringify([EVENT]), { 'content-type': 'text/plain' }),
    { status: 400, body: VALIDATION },
  ],
  [
    '3,000 stacked gzip layers (with a valid token)',
    () => post(...stackedGzip(3000)),
    { status: 415, reason: 'UNSUPPORTED_ENCODING' },
  ],
  [
    '3,000 stacked gzip layers without a token (not decoded at all)',
    () => {
      const [body, encoding] = stackedGzip(3000);
      return send(mock.url, '/events', 'POST', { 'content-type': 'application/json', ...encoding }, body);
    },
    { status: 400, reason: 'TOKEN_MISSING_OR_MALFORMED' },
  ],
  [
    'a 64 KB token header',
    () => post(JSON.stringify([EVENT]), { 'tga-auth-token': 'a'.repeat(65_536) }),
    { status: 431 },
  ],
];

test.each(cases)('%s → a JSON 4xx, nothing recorded, still answering', async (_name, act, expected) => {
  const answer = await act();
  expect(answer).toMatchObject(expected);
  expect(typeof answer.body).toBe('object');
  expect(mock.events()).toHaveLength(0);
  await stillAnswers();
});

test('__proto__ and constructor keys are stored as data and pollute no prototype', async () => {
  const raw = JSON.stringify([EVENT]).replace(
    '{',
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
  );
  expect(await post(raw)).toMatchObject({ status: 201 });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  const [entry] = mock.events();
  expect(Object.getOwnPropertyNames(entry.event)).toContain('__proto__');
  // Strict mode has no such field and says so.
  const strict = await startMock({ strict: true });
  try {
    const res = await fetch(`${strict.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tga-auth-token': strict.token() },
      body: raw,
    });
    expect(res.status).toBe(400);
  } finally {
    await strict.close();
  }
});

function rawSocket(): Promise<net.Socket> {
  const { hostname, port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

test('a client that sends its body slowly is cut off by the request timeout', async () => {
  const socket = await rawSocket();
  const body = JSON.stringify([EVENT]);
  socket.write(
    `POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTGA-Auth-Token: ${mock.token()}\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  let sent = 0;
  const drip = setInterval(() => {
    if (!socket.destroyed && sent < body.length - 1) socket.write(body[sent++]);
  }, 100);
  const closed = await new Promise<boolean>((resolve) => {
    socket.on('close', () => resolve(true));
    socket.on('error', () => undefined);
    setTimeout(() => resolve(false), 8000).unref();
  });
  clearInterval(drip);
  socket.destroy();
  expect(closed).toBe(true);
  expect(sent).toBeLessThan(body.length - 1);
  expect(mock.events()).toHaveLength(0);
  await stillAnswers();
}, 15_000);

test('a client that disconnects mid-body leaves nothing recorded and the mock answering', async () => {
  const socket = await rawSocket();
  const body = JSON.stringify([EVENT]);
  socket.write(
    `POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTGA-Auth-Token: ${mock.token()}\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`,
  );
  await new Promise((r) => setTimeout(r, 50));
  socket.destroy();
  await new Promise((r) => setTimeout(r, 50));
  expect(mock.events()).toHaveLength(0);
  await stillAnswers();
});
