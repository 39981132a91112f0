// GET /telegram-web-app.js over a real socket: the shipped stand-in, as a script, never cached.
import { startMock, type RunningMock } from '../startMock';
import { telegramWebAppScriptText } from '../telegram/standIn';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

test('GET /telegram-web-app.js answers the stand-in as JavaScript, never cached', async () => {
  const res = await fetch(`${mock.url}/telegram-web-app.js`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(await res.text()).toBe(telegramWebAppScriptText());
});

test('HEAD has the headers and no body; the request log (POST /events only) does not list it', async () => {
  const res = await fetch(`${mock.url}/telegram-web-app.js`, { method: 'HEAD' });
  expect(res.status).toBe(200);
  expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(telegramWebAppScriptText()));
  expect(await res.text()).toBe('');
  expect(mock.requests()).toEqual([]);
});

test('another method is not a script: the JSON 404 every unknown route gets', async () => {
  const res = await fetch(`${mock.url}/telegram-web-app.js`, { method: 'POST' });
  expect(res.status).toBe(404);
  expect(res.headers.get('tga-mock-reason')).toBe('NOT_FOUND');
});
