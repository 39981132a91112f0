import request from 'supertest';
import { documentedResponse } from '../../schema';
import { GOOD_JSON, makeApp, token } from '../test-support/fixtures';

const app = makeApp({ rateLimit: 1 });

describe('CORS', () => {
  test.each(['/events', '/events/threshold'])('preflight on %s answers 204 for any origin', async (path) => {
    const res = await request(app)
      .options(path)
      .set('Origin', 'https://anything.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'tga-auth-token, content-type, content-encoding, content');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://anything.example');
    const allowed = res.headers['access-control-allow-headers'].toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(['tga-auth-token', 'content-type', 'content-encoding', 'content']),
    );
    expect(res.headers['access-control-allow-methods']).toContain('POST');
  });

  test('actual cross-origin POSTs: 201, 403 and 429 all readable by the page', async () => {
    const send = (origin: string) =>
      request(app)
        .post('/events')
        .set('Origin', origin)
        .set('TGA-Auth-Token', token())
        .set('Content-Type', 'application/json')
        .send(GOOD_JSON);
    const answers = [
      await send('http://localhost:5173'),
      await send('https://evil.example'),
      await send('http://localhost:5173'),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 403, 429]);
    expect(answers[1].body).toEqual(documentedResponse('DOMAIN_MISMATCH').body);
    for (const [i, res] of answers.entries()) {
      expect(res.headers['access-control-allow-origin']).toBe(
        i === 1 ? 'https://evil.example' : 'http://localhost:5173',
      );
      const exposed = res.headers['access-control-expose-headers'].toLowerCase();
      for (const h of ['tga-mock-reason', 'tga-mock-violations', 'retry-after']) expect(exposed).toContain(h);
    }
  });

  test('the 413 of an oversized body carries CORS headers too', async () => {
    const res = await request(makeApp({ bodyLimit: 10 }))
      .post('/events')
      .set('Origin', 'http://localhost')
      .set('TGA-Auth-Token', token())
      .set('Content-Type', 'application/json')
      .send(GOOD_JSON);
    expect(res.status).toBe(413);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost');
  });
});
