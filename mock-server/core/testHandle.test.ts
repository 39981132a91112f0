import { GOOD_JSON, SECRET } from '../test-support/fixtures';
import { MEMORY, rawHeadersOf, type MemoryRequest } from '../test-support/memoryTransport';
import { createFrame } from './frame';
import { createRuntime } from './runtime';
import { EVENTS_ROUTE } from './sdkRoutes';
import { testHandle } from './testHandle';
import { checkToken } from './tokenSignature';

const rt = createRuntime({ secret: SECRET, logLevel: 'silent' });
const handle = testHandle(rt);
const frame = createFrame(rt, MEMORY);

/** POST /events through the frame, answered and delivered. */
async function post(body: string): Promise<void> {
  const req: MemoryRequest = {
    headers: { 'tga-auth-token': handle.token(), 'content-type': 'application/json' },
    body,
  };
  const answer = await frame.answer(EVENTS_ROUTE, req, 'POST', '/events', rawHeadersOf(req));
  frame.settle(answer!, true);
}

afterEach(() => handle.reset());

test('token() is signed with the runtime secret, for the demo app unless named', () => {
  const demo = checkToken(handle.token(), SECRET);
  expect(demo.ok && demo.claims.app_name).toBe('docs');
  const shop = checkToken(handle.token('shop', 'https://shop.example'), SECRET);
  expect(shop.ok && [shop.claims.app_name, shop.claims.app_domain]).toEqual(['shop', 'https://shop.example']);
});

test('events(), waitForEvents() and requests() read the journal; reset() empties it and disarms faults', async () => {
  const names = (JSON.parse(GOOD_JSON) as { event_name: string }[]).map((e) => e.event_name);
  const waiting = handle.waitForEvents({ event_name: names[0] });
  await post(GOOD_JSON);
  expect((await waiting).map((e) => e.event.event_name)).toEqual([names[0]]);
  expect(handle.events().map((e) => e.event.event_name)).toEqual(names);
  // Copies: changing one changes nothing recorded.
  handle.events()[0].event.session_id = 'changed';
  expect(handle.events()[0].event.session_id).not.toBe('changed');
  await post('not json');
  expect(handle.requests().map((r) => [r.status, r.reason])).toEqual([
    [201, 'RECORDED'],
    [400, 'VALIDATION'],
  ]);
  handle.fault({ kind: 'record-failure' });
  handle.reset();
  expect([handle.events(), handle.requests(), rt.faults.list()]).toEqual([[], [], []]);
});

test('fault() arms a valid spec and throws on a malformed one', () => {
  expect(handle.fault({ kind: 'record-failure', count: 2 })).toMatchObject({ kind: 'record-failure' });
  expect(rt.faults.list()).toHaveLength(1);
  expect(() => handle.fault({ kind: 'nope' } as never)).toThrow(/^fault: /);
});
