import request from 'supertest';
import { documentedResponse, type DocumentedReason } from '../../schema';
import { GOOD_BODY, GOOD_JSON, makeApp, token } from '../test-support/fixtures';

const post = (app: ReturnType<typeof makeApp>, headers: Record<string, string>, body: string = GOOD_JSON) => {
  let r = request(app).post('/events').set('Content-Type', 'application/json');
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  return r.send(body);
};

function expectDocumented(res: request.Response, reason: DocumentedReason) {
  const doc = documentedResponse(reason);
  expect({ status: res.status, body: res.body, reason: res.headers['tga-mock-reason'] }).toEqual({
    status: doc.status,
    body: doc.body,
    reason,
  });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
}

// One way to break each step over HTTP, in decision order.
type Broken = { token?: string; origin?: string; body?: string; rate?: true; fault?: true };
const STEPS: [string, DocumentedReason, Broken][] = [
  ['token format', 'TOKEN_MISSING_OR_MALFORMED', { token: 'not-a-token' }],
  ['signature', 'TOKEN_INVALID', { token: token('docs', 'http://localhost', 'other-secret') }],
  ['origin', 'DOMAIN_MISMATCH', { origin: 'https://evil.example' }],
  ['rate', 'RATE_LIMITED', { rate: true }],
  ['body', 'VALIDATION', { body: JSON.stringify([{ ...GOOD_BODY[0], session_id: 'nope' }]) }],
  ['app_name', 'APP_NAME_MISMATCH', { body: JSON.stringify([{ ...GOOD_BODY[0], app_name: 'other' }]) }],
  ['fault', 'RECORD_FAILED', { fault: true }],
];

async function send(broken: Broken[]) {
  const app = makeApp({ rateLimit: 1 });
  const merged: Broken = Object.assign({}, ...broken);
  if (merged.rate) await post(app, { 'TGA-Auth-Token': token() }); // spends the one request of the window
  if (merged.fault) app.mock.faults.arm({ kind: 'record-failure' });
  app.mock.journal.clear();
  const res = await post(
    app,
    { 'TGA-Auth-Token': merged.token ?? token(), Origin: merged.origin ?? 'http://localhost:5173' },
    merged.body ?? GOOD_JSON,
  );
  return { res, app };
}

describe('POST /events: every documented response, exact status and body', () => {
  test('201 Success record. and the events are in the journal', async () => {
    const { res, app } = await send([]);
    expectDocumented(res, 'RECORDED');
    expect(app.mock.journal.query().events.map((e) => e.event)).toEqual(GOOD_BODY);
  });

  test('no token header at all → TOKEN_MISSING_OR_MALFORMED', async () => {
    const app = makeApp();
    expectDocumented(await post(app, {}), 'TOKEN_MISSING_OR_MALFORMED');
  });

  test.each(STEPS)('breaking %s → %s, nothing recorded', async (_step, reason, broken) => {
    const { res, app } = await send([broken]);
    expectDocumented(res, reason);
    expect(app.mock.journal.query().total).toBe(0);
  });

  test('adjacent pairs of the order: the earlier rule answers', async () => {
    for (let i = 0; i + 1 < STEPS.length; i++) {
      const [a, reason, brokenA] = STEPS[i];
      const [b, , brokenB] = STEPS[i + 1];
      // Steps 1+2 both live in the token, 5+6 both in the body: break both in the one field.
      const forged = token('docs', 'http://localhost', 'other-secret').split('!')[1];
      const both =
        a === 'token format'
          ? [{ token: `@@not-base64@@!${forged}` }]
          : a === 'body'
            ? [{ body: JSON.stringify([{ ...GOOD_BODY[0], session_id: 'nope', app_name: 'other' }]) }]
            : [brokenA, brokenB];
      const { res } = await send(both);
      expect(`${a}+${b}: ${res.headers['tga-mock-reason']}`).toBe(`${a}+${b}: ${reason}`);
      expect(res.body).toEqual(documentedResponse(reason).body);
    }
  });

  test('429 has Retry-After in whole seconds', async () => {
    const { res } = await send([{ rate: true }]);
    expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  test('validation failures name the field in TGA-Mock-Violations, never in the body', async () => {
    const { res } = await send([STEPS[4][2]]);
    expect(JSON.parse(res.headers['tga-mock-violations'])).toEqual([
      {
        keyword: 'format',
        instancePath: '/0/session_id',
        message: expect.any(String),
        params: { format: 'uuid' },
      },
    ]);
  });

  test('refusals say why in TGA-Mock-Detail; violations name the extra field and the allowed values', async () => {
    const origin = await send([STEPS[2][2]]);
    expect(origin.res.headers['tga-mock-detail']).toBe(
      "Origin host evil.example is not the token's domain host localhost",
    );
    const app = await send([STEPS[5][2]]);
    expect(app.res.headers['tga-mock-detail']).toBe(
      'event 0\'s app_name "other" is not the token\'s app "docs"',
    );
    expect((await send([STEPS[0][2]])).res.headers['tga-mock-detail']).toMatch(/not base64/);
    expect((await send([])).res.headers['tga-mock-detail']).toBeUndefined();

    const strict = makeApp({ strict: true });
    const extra = await post(
      strict,
      { 'TGA-Auth-Token': token() },
      JSON.stringify([{ ...GOOD_BODY[0], surprise: 1, platform: 'nokia' }]),
    );
    const violations = JSON.parse(extra.headers['tga-mock-violations']) as {
      message: string;
      params: unknown;
    }[];
    expect(violations).toContainEqual(
      expect.objectContaining({
        params: { additionalProperty: 'surprise' },
        message: expect.stringMatching(/"surprise"$/),
      }),
    );
    expect(extra.headers['tga-mock-detail']).toMatch(/^\/0: /);
    const request = strict.mock.journal.requests()[0];
    expect(request.response.headers['TGA-Mock-Violations']).toBe(extra.headers['tga-mock-violations']);
  });

  test('a batch is all or nothing', async () => {
    const app = makeApp();
    const batch = [GOOD_BODY[0], { ...GOOD_BODY[0], user_id: 'x' }, GOOD_BODY[0]];
    expectDocumented(await post(app, { 'TGA-Auth-Token': token() }, JSON.stringify(batch)), 'VALIDATION');
    const mixedApps = [GOOD_BODY[0], { ...GOOD_BODY[0], app_name: 'shop' }];
    expectDocumented(
      await post(app, { 'TGA-Auth-Token': token() }, JSON.stringify(mixedApps)),
      'APP_NAME_MISMATCH',
    );
    expect(app.mock.journal.query().total).toBe(0);
    const twenty = Array.from({ length: 20 }, () => GOOD_BODY[0]);
    expectDocumented(await post(app, { 'TGA-Auth-Token': token() }, JSON.stringify(twenty)), 'RECORDED');
    const entries = app.mock.journal.query().events;
    expect(entries).toHaveLength(20);
    expect(new Set(entries.map((e) => e.request_id)).size).toBe(1);
  });

  test('a single event (not an array) is accepted; an empty array is not', async () => {
    const app = makeApp();
    expectDocumented(
      await post(app, { 'TGA-Auth-Token': token() }, JSON.stringify(GOOD_BODY[0])),
      'RECORDED',
    );
    expectDocumented(await post(app, { 'TGA-Auth-Token': token() }, '[]'), 'VALIDATION');
  });

  test('--strict rejects unknown fields; the default accepts them', async () => {
    const body = JSON.stringify([{ ...GOOD_BODY[0], evnt_name: 'typo' }]);
    expectDocumented(await post(makeApp(), { 'TGA-Auth-Token': token() }, body), 'RECORDED');
    expectDocumented(
      await post(makeApp({ strict: true }), { 'TGA-Auth-Token': token() }, body),
      'VALIDATION',
    );
  });

  test('--require-origin: a request without Origin and Referer is a 403; Referer alone counts', async () => {
    const app = makeApp({ requireOrigin: true });
    expectDocumented(await post(app, { 'TGA-Auth-Token': token() }), 'DOMAIN_MISMATCH');
    expectDocumented(
      await post(app, { 'TGA-Auth-Token': token(), Referer: 'http://localhost/app' }),
      'RECORDED',
    );
    expectDocumented(await post(app, { 'TGA-Auth-Token': token(), Origin: 'null' }), 'DOMAIN_MISMATCH');
  });

  test('the Content header the SDK may send is accepted and ignored', async () => {
    expectDocumented(await post(makeApp(), { 'TGA-Auth-Token': token(), Content: 'pow-answer' }), 'RECORDED');
  });

  test('GET /events/threshold answers the configured object', async () => {
    expect((await request(makeApp()).get('/events/threshold')).body).toEqual({ 'app-hide': 3 });
    const res = await request(makeApp({ threshold: { 'app-init': 1 } })).get('/events/threshold');
    expect([res.status, res.body]).toEqual([200, { 'app-init': 1 }]);
  });
});

describe('POST /events/fingerprint (not in the docs; the SDK sends it after a TON Connect connection)', () => {
  const FINGERPRINT = { app_name: 'docs', wallet_address: '0:8a5a2f3c', request_id: 'r-1' };
  const send = (app: ReturnType<typeof makeApp>, body: unknown, headers: Record<string, string> = {}) => {
    let r = request(app).post('/events/fingerprint').set('Content-Type', 'application/json');
    for (const [k, v] of Object.entries({ 'TGA-Auth-Token': token(), ...headers })) r = r.set(k, v);
    return r.send(JSON.stringify(body));
  };

  test('answers like a recorded event and journals it as its own kind', async () => {
    const app = makeApp();
    await post(app, { 'TGA-Auth-Token': token() });
    const res = await send(app, FINGERPRINT, { Origin: 'http://localhost:5173' });
    expectDocumented(res, 'RECORDED');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const all = app.mock.journal.query().events;
    expect(all.map((e) => e.kind ?? 'event')).toEqual([...GOOD_BODY.map(() => 'event'), 'fingerprint']);
    expect(app.mock.journal.query({ kind: 'fingerprint' }).events.map((e) => e.event)).toEqual([FINGERPRINT]);
    // An event_name filter never matches a fingerprint.
    expect(app.mock.journal.query({ kind: 'event' }).total).toBe(GOOD_BODY.length);
    expect((await request(app).get('/__mock/events?kind=fingerprint')).body.total).toBe(1);
  });

  test('the same token, origin and app rules; its own shape', async () => {
    const app = makeApp();
    expectDocumented(
      await send(app, FINGERPRINT, { 'TGA-Auth-Token': 'nope' }),
      'TOKEN_MISSING_OR_MALFORMED',
    );
    expectDocumented(await send(app, FINGERPRINT, { Origin: 'https://evil.example' }), 'DOMAIN_MISMATCH');
    expectDocumented(await send(app, { ...FINGERPRINT, app_name: 'shop' }), 'APP_NAME_MISMATCH');
    const bad = await send(app, { app_name: 'docs', request_id: 'r' });
    expectDocumented(bad, 'VALIDATION');
    expect(JSON.parse(bad.headers['tga-mock-violations'])).toEqual([
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'wallet_address' } }),
    ]);
    // An event batch is not a fingerprint.
    expectDocumented(await send(app, GOOD_BODY), 'VALIDATION');
    expect(app.mock.journal.query().events).toEqual([]);
  });
});
