import request from 'supertest';
import { mustDecodeToken } from '../schema/token';
import { startMock, type RunningMock } from './startMock';
import { GOOD_JSON } from './test-support/fixtures';
import { documentedResponse } from '../schema';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ rateLimit: 1 });
});
afterAll(() => mock.close());

const post = (token = mock.token()) =>
  request(mock.url)
    .post('/events')
    .set('Content-Type', 'application/json')
    .set('TGA-Auth-Token', token)
    .send(GOOD_JSON);

test('listens on 127.0.0.1 with a free port', () => {
  expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(mock.url).not.toMatch(/:8787$/);
});

test('token() defaults to app docs on http://localhost; other apps on request', () => {
  expect(mustDecodeToken(mock.token()).claims).toEqual({
    app_name: 'docs',
    app_url: 'https://t.me/docs',
    app_domain: 'http://localhost',
  });
  expect(mustDecodeToken(mock.token('shop', 'https://shop.example')).claims).toMatchObject({
    app_name: 'shop',
    app_domain: 'https://shop.example',
  });
});

test('events(filter), fault(spec) and reset() act on the running mock', async () => {
  expect((await post()).status).toBe(201);
  expect(mock.events()).toHaveLength(1);
  expect(mock.events({ event_name: 'app-hide' })).toHaveLength(0);
  expect((await post()).status).toBe(429); // rateLimit: 1
  mock.reset(); // forgets the rate-limit count, the journal and the faults
  expect(mock.events()).toHaveLength(0);
  expect(mock.fault({ kind: 'record-failure' })).toMatchObject({ kind: 'record-failure', count: 1 });
  expect((await post()).body).toEqual(documentedResponse('RECORD_FAILED').body);
  expect(() => mock.fault({ kind: 'latency' })).toThrow(/ms:/);
  expect(() => mock.fault({ kind: 'reset', cuont: 1 } as never)).toThrow(/cuont/);
});

test('events() returns copies: changing them does not rewrite the journal', async () => {
  mock.reset();
  expect((await post()).status).toBe(201);
  const [first] = mock.events();
  first.event.user_id = 1;
  first.app_name = 'rewritten';
  mock.events().pop();
  expect(mock.events()).toHaveLength(1);
  expect(mock.events()[0]).toMatchObject({ app_name: 'docs', event: JSON.parse(GOOD_JSON)[0] });
  const logged = (await request(mock.url).get('/__mock/requests')).body.requests;
  expect(logged.at(-1).body).toEqual(JSON.parse(GOOD_JSON));
  mock.reset();
});

test('close() can be called twice', async () => {
  const other = await startMock();
  await Promise.all([other.close(), other.close()]);
  await expect(request(other.url).get('/__mock/health')).rejects.toThrow();
});
