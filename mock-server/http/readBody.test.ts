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
