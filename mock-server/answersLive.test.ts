// --answers live through the shells: startMock (HTTP), createMswMock (in process), the banner and
// /__mock/health. The sentences themselves are core/liveAnswers.test.ts's.
import request from 'supertest';
import { setupServer } from 'msw/node';
import { documentedResponse, observation } from '../schema';
import { banner } from './banner';
import { createMswMock } from './msw';
import { startMock, type RunningMock } from './startMock';
import { runCli } from './runCli';
import { GOOD_BODY, GOOD_JSON } from './test-support/fixtures';

const send = (url: string, token: string, body: string, origin = 'http://localhost') =>
  request(url)
    .post('/events')
    .set('Content-Type', 'application/json')
    .set('TGA-Auth-Token', token)
    .set('Origin', origin)
    .send(body);

describe('startMock({ answers: "live" })', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ answers: 'live' });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  test('a recorded batch: 202 with the documented body, recorded, Access-Control-Allow-Origin *', async () => {
    const res = await send(mock.url, mock.token(), GOOD_JSON);
    expect([res.status, res.body]).toEqual([202, documentedResponse('RECORDED').body]);
    expect(res.headers['tga-mock-reason']).toBe('RECORDED');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(mock.events()).toHaveLength(GOOD_BODY.length);
    expect(mock.requests()[0].response).toMatchObject({ status: 202 });
  });

  test('a body that does not validate: 400 with the report, nothing recorded', async () => {
    const { app_name: _gone, ...rest } = GOOD_BODY[0];
    const res = await send(mock.url, mock.token(), JSON.stringify([rest]));
    expect([res.status, res.body]).toEqual([400, observation('VALIDATION_REPORT').observed.body]);
    expect(res.headers['tga-mock-violations']).toContain('app_name');
    expect(mock.events()).toEqual([]);
  });

  test('every other answer is the documented one, and the preflight allows any origin', async () => {
    const res = await send(mock.url, `${mock.token()}x`, GOOD_JSON);
    expect([res.status, res.body]).toEqual([400, documentedResponse('TOKEN_MISSING_OR_MALFORMED').body]);
    const foreign = await send(mock.url, mock.token(), GOOD_JSON, 'https://evil.example');
    expect([foreign.status, foreign.body]).toEqual([403, documentedResponse('DOMAIN_MISMATCH').body]);
    const preflight = await request(mock.url).options('/events').set('Origin', 'https://app.example');
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([204, '*']);
    const otherMethod = await request(mock.url).get('/events').set('Origin', 'https://app.example');
    expect([otherMethod.status, otherMethod.headers['access-control-allow-origin']]).toEqual([405, '*']);
  });

  test('/events/fingerprint keeps the mock answer (nothing was observed there)', async () => {
    const res = await request(mock.url)
      .post('/events/fingerprint')
      .set('Content-Type', 'application/json')
      .set('TGA-Auth-Token', mock.token())
      .send({ app_name: 'docs', wallet_address: '0:ab', request_id: 'r' });
    expect(res.status).toBe(201);
  });

  test('/__mock/health says which answers it gives', async () => {
    const health = await request(mock.url).get('/__mock/health');
    expect(health.body.options.answers).toBe('live');
  });
});

test('the default is docs: 201 and the echoed origin', async () => {
  const mock = await startMock();
  try {
    const res = await send(mock.url, mock.token(), GOOD_JSON);
    expect([res.status, res.headers['access-control-allow-origin']]).toEqual([201, 'http://localhost']);
    expect((await request(mock.url).get('/__mock/health')).body.options.answers).toBe('docs');
  } finally {
    await mock.close();
  }
});

test('createMswMock({ answers: "live" }) answers the same 202', async () => {
  const msw = createMswMock({ answers: 'live' });
  const server = setupServer(...msw.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const res = await fetch('https://tganalytics.xyz/events', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'TGA-Auth-Token': msw.token(),
        Origin: 'http://localhost',
      },
      body: GOOD_JSON,
    });
    expect([res.status, await res.json()]).toEqual([202, documentedResponse('RECORDED').body]);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  } finally {
    server.close();
  }
});

test('the banner says which answers the mock gives', () => {
  const input = { url: 'http://127.0.0.1:1', version: '0', demoToken: 't' };
  expect(banner(input)).toContain('Answers as the docs page says (--answers docs');
  expect(banner({ ...input, answers: 'live' })).toContain('Answers like the live service (--answers live)');
  expect(banner({ ...input, upstream: 'https://tganalytics.xyz' })).toContain(
    "the SDK's routes go to https://tganalytics.xyz",
  );
});

test('tga-mock --answers live: the banner says so, and its curl line gets 202', async () => {
  let stdout = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: () => undefined, env: {} };
  const result = await runCli(['--port', '0', '--answers', 'live', '--log-level', 'silent'], io);
  if (result.exit !== undefined) throw new Error(`exit ${result.exit}`);
  try {
    expect(stdout).toContain('Answers like the live service (--answers live)');
    const demo = /Demo token[^\n]*\n {2}(\S+)/.exec(stdout)![1];
    const res = await send(result.url, demo, GOOD_JSON);
    expect(res.status).toBe(202);
  } finally {
    await result.stop();
  }
});
