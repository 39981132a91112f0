// Near misses in every shell: a token for another origin is refused 403 DOMAIN_MISMATCH, and a
// wait for the event that never came says so — startMock().waitForEvents, the HTTP long poll
// (GET /__mock/events?min=…&wait_ms=…, whose JSON lists them as near_misses) and
// createMswMock().waitForEvents under msw's setupServer.
import { setupServer } from 'msw/node';
import { createMswMock } from '../../mock-server/msw';
import { startMock, type RunningMock } from '../../mock-server/startMock';

const DETAIL = "Origin host 127.0.0.1 is not the token's domain host localhost";
const MESSAGE = `1 request refused: 403 DOMAIN_MISMATCH — ${DETAIL}`;
const BATCH = JSON.stringify([
  {
    event_name: 'app-init',
    session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
    user_id: 5123456789,
    app_name: 'docs',
  },
]);

/** What a page on http://127.0.0.1:5173 sends with a token issued for localhost. */
const postFromAnotherOrigin = (url: string, token: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': token, Origin: 'http://127.0.0.1:5173' },
    body: BATCH,
  });

describe('near misses over HTTP (startMock)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  test('waitForEvents rejects naming DOMAIN_MISMATCH and its detail', async () => {
    const waiting = mock.waitForEvents({ event_name: 'app-init' }, { timeoutMs: 300 });
    const answer = await postFromAnotherOrigin(`${mock.url}/events`, mock.token('docs', 'http://localhost'));
    expect(answer.status).toBe(403);
    await expect(waiting).rejects.toThrow(`got 0; nothing arrived; ${MESSAGE}`);
  });

  test("the long poll's JSON lists them as near_misses, and its message names them", async () => {
    const polling = fetch(`${mock.url}/__mock/events?event_name=app-init&min=1&wait_ms=300`);
    const answer = await postFromAnotherOrigin(`${mock.url}/events`, mock.token('docs', 'http://localhost'));
    const body = (await (await polling).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      timed_out: true,
      message: expect.stringContaining(MESSAGE),
      near_misses: [
        {
          status: 403,
          reason: 'DOMAIN_MISMATCH',
          detail: DETAIL,
          request_id: answer.headers.get('TGA-Mock-Request-Id'),
          path: '/events',
        },
      ],
    });
  });

  test('a long poll that is answered in time, or with nothing refused, lists none', async () => {
    const quiet = (await (await fetch(`${mock.url}/__mock/events?min=1&wait_ms=30`)).json()) as object;
    expect(quiet).toMatchObject({ timed_out: true, near_misses: [] });
    expect((quiet as { message: string }).message).toMatch(/nothing arrived$/);
  });
});

describe('near misses in process (createMswMock)', () => {
  const mock = createMswMock();
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  test('waitForEvents rejects naming DOMAIN_MISMATCH and its detail', async () => {
    const waiting = mock.waitForEvents({ event_name: 'app-init' }, { timeoutMs: 300 });
    const answer = await postFromAnotherOrigin(
      'https://tganalytics.xyz/events',
      mock.token('docs', 'http://localhost'),
    );
    expect(answer.status).toBe(403);
    await expect(waiting).rejects.toThrow(`got 0; nothing arrived; ${MESSAGE}`);
  });
});
