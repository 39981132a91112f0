// The fault store's bounds over HTTP: POST /__mock/faults refuses the 101st armed fault with a 409
// naming the cap, and an over-long app_name with a 400 naming the field; a server-error fault
// answers POST /events with its 5xx.
import request from 'supertest';
import { MAX_FAULT_STRING } from '../core/faultSpec';
import { MAX_ARMED_FAULTS } from '../core/faults';
import { GOOD_JSON, makeApp, token } from '../test-support/fixtures';

const arm = (app: ReturnType<typeof makeApp>, spec: unknown) =>
  request(app).post('/__mock/faults').set('Content-Type', 'application/json').send(JSON.stringify(spec));

test(`at most ${MAX_ARMED_FAULTS} armed faults: the next gets 409 TOO_MANY_FAULTS naming the cap`, async () => {
  const app = makeApp({ adminToken: undefined });
  for (let i = 0; i < MAX_ARMED_FAULTS; i++) expect((await arm(app, { kind: 'reset' })).status).toBe(201);
  const refused = await arm(app, { kind: 'reset' });
  expect([refused.status, refused.headers['tga-mock-reason']]).toEqual([409, 'TOO_MANY_FAULTS']);
  expect(refused.body.message).toContain(`at most ${MAX_ARMED_FAULTS} faults`);
  expect((await request(app).get('/__mock/faults')).body.faults).toHaveLength(MAX_ARMED_FAULTS);
  await request(app).delete('/__mock/faults');
  expect((await arm(app, { kind: 'reset' })).status).toBe(201);
});

test(`app_name over ${MAX_FAULT_STRING} characters is a 400 naming the field`, async () => {
  const app = makeApp({ adminToken: undefined });
  const res = await arm(app, { kind: 'reset', app_name: 'x'.repeat(MAX_FAULT_STRING + 1) });
  expect([res.status, res.body]).toEqual([
    400,
    { message: `app_name: at most ${MAX_FAULT_STRING} characters` },
  ]);
});

test('a server-error fault: POST /events answers its status with {"message": "Internal Server Error"}', async () => {
  const app = makeApp({ adminToken: undefined });
  expect((await arm(app, { kind: 'server-error', status: 502 })).body).toMatchObject({
    kind: 'server-error',
    status: 502,
    count: 1,
  });
  const post = () =>
    request(app)
      .post('/events')
      .set('TGA-Auth-Token', token('docs'))
      .set('Content-Type', 'application/json')
      .send(GOOD_JSON);
  const failed = await post();
  expect([failed.status, failed.body, failed.headers['tga-mock-reason']]).toEqual([
    502,
    { message: 'Internal Server Error' },
    'SERVER_ERROR_FAULT',
  ]);
  expect((await request(app).get('/__mock/events')).body.events).toEqual([]);
  expect((await post()).status).toBe(201);
});
