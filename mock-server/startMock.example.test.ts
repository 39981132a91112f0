// The startMock example of docs/mock-server.md, verbatim but for the import path (test/docs/examples.test.ts checks that).
import { startMock, type RunningMock } from './index';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock(); // 127.0.0.1, a free port, silent
});
afterEach(() => mock.reset()); // journal, faults and rate-limit counts
afterAll(() => mock.close());

const appInit = () => ({
  event_name: 'app-init',
  session_id: crypto.randomUUID(),
  user_id: 111111111,
  app_name: 'docs',
  is_premium: false,
  platform: 'tdesktop',
  locale: 'en',
  client_timestamp: String(Date.now()),
});

// Stands in for your SDK's send function.
const send = (body: unknown) =>
  fetch(`${mock.url}/events`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'TGA-Auth-Token': mock.token('docs', 'http://localhost'),
      Origin: 'http://localhost:5173',
    },
    body: JSON.stringify(body),
  });

test('records what the client sends', async () => {
  const res = await send([appInit()]);
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual({ message: 'Success record.' });
  expect(mock.events({ event_name: 'app-init' })).toHaveLength(1);
});

test('the client sees "Failed to record" when recording fails', async () => {
  mock.fault({ kind: 'record-failure', count: 1 });
  const res = await send([appInit()]);
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ message: 'Failed to record' });
  expect(mock.events()).toHaveLength(0);
});
