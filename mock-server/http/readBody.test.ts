import zlib from 'node:zlib';
import request from 'supertest';
import { documentedResponse } from '../../schema';
import { answerFor } from '../core/answers';
import { GOOD_BODY, GOOD_JSON, makeApp, token } from '../test-support/fixtures';

const app = makeApp({ bodyLimit: 64 * 1024 });
const post = (body: Buffer | string, headers: Record<string, string> = {}) => {
  let r = request(app).post('/events').set('TGA-Auth-Token', token()).set('Content-Type', 'application/json');
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  // superagent would JSON-encode a Buffer ({type: 'Buffer', data}) under application/json: send bytes as they are.
  return r.serialize((b: unknown) => b as string).send(body);
};
const RECORDED = documentedResponse('RECORDED');
const VALIDATION = documentedResponse('VALIDATION');

describe('request bodies: encodings, limits, decoding', () => {
  test.each([
    ['gzip', zlib.gzipSync(GOOD_JSON)],
    ['x-gzip', zlib.gzipSync(GOOD_JSON)],
    ['deflate', zlib.deflateSync(GOOD_JSON)],
    ['deflate', zlib.deflateRawSync(GOOD_JSON)], // raw deflate, as some clients send it
    ['br', zlib.brotliCompressSync(GOOD_JSON)],
    ['identity', Buffer.from(GOOD_JSON)],
  ])('Content-Encoding %s is decoded and recorded', async (encoding, body) => {
    app.mock.journal.clear();
    const res = await post(body, { 'Content-Encoding': encoding });
    expect([res.status, res.body]).toEqual([RECORDED.status, RECORDED.body]);
    expect(app.mock.journal.query().events.map((e) => e.event)).toEqual(GOOD_BODY);
  });

  test('stacked encodings are undone last to first', async () => {
    const body = zlib.brotliCompressSync(zlib.gzipSync(GOOD_JSON));
    expect((await post(body, { 'Content-Encoding': 'gzip, br' })).status).toBe(201);
  });

  test('unknown Content-Encoding → 415 JSON', async () => {
    const res = await post(GOOD_JSON, { 'Content-Encoding': 'zstd' });
    expect([res.status, res.body, res.headers['tga-mock-reason']]).toEqual([
      415,
      answerFor('UNSUPPORTED_ENCODING').body,
      'UNSUPPORTED_ENCODING',
    ]);
  });

  test.each([
    ['not JSON', 'hello', {}],
    ['empty', '', {}],
    ['text/plain', GOOD_JSON, { 'Content-Type': 'text/plain' }],
    ['form', GOOD_JSON, { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['latin1 charset', GOOD_JSON, { 'Content-Type': 'application/json; charset=latin1' }],
    ['broken gzip', Buffer.from('not gzip at all'), { 'Content-Encoding': 'gzip' }],
    ['invalid UTF-8', Buffer.from([0x5b, 0xff, 0xfe, 0x5d]), {}],
  ])('%s → 400 VALIDATION_MISMATCH_REPORT', async (_name, body, headers) => {
    const res = await post(body, headers as Record<string, string>);
    expect([res.status, res.body]).toEqual([VALIDATION.status, VALIDATION.body]);
    expect(res.headers['tga-mock-violations']).toBeDefined();
  });

  test('application/json with charset=utf-8 is fine', async () => {
    expect((await post(GOOD_JSON, { 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(201);
  });

  test('a raw body over the limit → 413 JSON', async () => {
    const big = JSON.stringify(Array.from({ length: 400 }, () => GOOD_BODY[0]));
    expect(big.length).toBeGreaterThan(64 * 1024);
    const res = await post(big);
    expect([res.status, res.body]).toEqual([413, answerFor('PAYLOAD_TOO_LARGE').body]);
  });

  test('a gzip bomb → 413 without inflating it all, and the mock keeps answering', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20)); // 32 MB of spaces, ~32 KB gzipped
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post(bomb, { 'Content-Encoding': 'gzip' });
    expect([res.status, res.body]).toEqual([413, answerFor('PAYLOAD_TOO_LARGE').body]);
    const br = zlib.brotliCompressSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect((await post(br, { 'Content-Encoding': 'br' })).status).toBe(413);
    expect((await post(GOOD_JSON)).status).toBe(201);
  });

  test('body problems rank at step 5: an earlier rule still answers first', async () => {
    const res = await request(app)
      .post('/events')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd')
      .send('x');
    expect(res.body).toEqual(documentedResponse('TOKEN_MISSING_OR_MALFORMED').body);
  });
});

describe('no work before the token; at most 3 stacked encodings', () => {
  const big = makeApp(); // the default 1 MB limit: 3,000 gzip layers of a small body are ~70 KB
  const layered = (layers: number) => {
    let body = Buffer.from(GOOD_JSON);
    for (let i = 0; i < layers; i++) body = zlib.gzipSync(body, { level: 0 });
    return body;
  };
  const stacked = (layers: number) => Array(layers).fill('gzip').join(',');
  const send = (body: Buffer, encoding: string, tokenHeader?: string) => {
    let r = request(big).post('/events').set('Content-Type', 'application/json');
    if (tokenHeader !== undefined) r = r.set('TGA-Auth-Token', tokenHeader);
    return r
      .set('Content-Encoding', encoding)
      .serialize((b: unknown) => b as string)
      .send(body);
  };
  const THOUSANDS = layered(3000);

  test('3,000 stacked gzip layers and no token: 400 TOKEN_MISSING_OR_MALFORMED, nothing decoded', async () => {
    const res = await send(THOUSANDS, stacked(3000));
    expect([res.status, res.body, res.headers['tga-mock-reason']]).toEqual([
      400,
      documentedResponse('TOKEN_MISSING_OR_MALFORMED').body,
      'TOKEN_MISSING_OR_MALFORMED',
    ]);
    const bad = await send(THOUSANDS, stacked(3000), token('docs', 'http://localhost', 'another-secret'));
    expect(bad.headers['tga-mock-reason']).toBe('TOKEN_INVALID');
    // Not decoded: the request log keeps no body for an encoded request refused at steps 1-2.
    expect(
      big.mock.journal
        .requests()
        .slice(-2)
        .map((r) => r.body),
    ).toEqual([undefined, undefined]);
  });

  test('the same request with a valid token: 415 UNSUPPORTED_ENCODING naming the limit', async () => {
    const res = await send(THOUSANDS, stacked(3000), token());
    expect([res.status, res.body, res.headers['tga-mock-reason']]).toEqual([
      415,
      answerFor('UNSUPPORTED_ENCODING').body,
      'UNSUPPORTED_ENCODING',
    ]);
    expect(JSON.parse(res.headers['tga-mock-violations'])[0].message).toMatch(
      /3000 stacked Content-Encoding layers; at most 3 are decoded/,
    );
  });

  test('3 layers are decoded and recorded; 4 are 415', async () => {
    expect((await send(layered(3), stacked(3), token())).status).toBe(201);
    expect((await send(layered(4), stacked(4), token())).status).toBe(415);
    expect((await send(layered(3), 'gzip, identity, gzip, gzip', token())).status).toBe(201);
  });

  test('a refused token leaves the body undecoded in the request log: raw text only when unencoded', async () => {
    big.mock.reset();
    await send(layered(1), 'gzip');
    await send(Buffer.from(GOOD_JSON), 'identity');
    await send(Buffer.from(GOOD_JSON), 'identity', token());
    const logged = big.mock.journal.requests().map((r) => [r.reason, r.body, r.body_note]);
    // The log keeps the raw bytes (parsed only to display them, when someone reads the log); an
    // encoded body of a refused token is not even decompressed for that.
    expect(logged).toEqual([
      ['TOKEN_MISSING_OR_MALFORMED', undefined, 'gzip-encoded: not decoded (token refused first)'],
      ['TOKEN_MISSING_OR_MALFORMED', GOOD_BODY, undefined],
      ['RECORDED', GOOD_BODY, undefined],
    ]);
  });

  test('the decision order is unchanged: a later rule still waits for a good token', async () => {
    // Over the limit by Content-Length and an unknown coding: without a token, still the token answer.
    const res = await request(big)
      .post('/events')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd, gzip, gzip, gzip, gzip')
      .send('x');
    expect(res.headers['tga-mock-reason']).toBe('TOKEN_MISSING_OR_MALFORMED');
    const other = await send(layered(1), 'gzip', token('docs', 'https://elsewhere.example'));
    expect(other.status).toBe(201); // no Origin: the domain rule lets it through
    const mismatch = await send(layered(1), 'gzip', token('docs', 'https://elsewhere.example')).set(
      'Origin',
      'https://evil.example',
    );
    expect(mismatch.headers['tga-mock-reason']).toBe('DOMAIN_MISMATCH');
  });
});
