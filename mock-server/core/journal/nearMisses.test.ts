import { loggedRequest, maxBytes } from '../../test-support/journal';
import { createJournal } from '.';
import {
  describeNearMisses,
  NEAR_MISSES_LISTED,
  nearMissesOf,
  NearMissError,
  withNearMisses,
  type NearMiss,
} from './nearMisses';
import { createRequestLog } from './requestLog';

const DETAIL = "Origin host 127.0.0.1 is not the token's domain host localhost";
const domainMismatch = () => loggedRequest(403, 'DOMAIN_MISMATCH', { 'TGA-Mock-Detail': DETAIL });

describe('journal: near misses', () => {
  test('a wait that gives up names the requests refused meanwhile, with status, reason and detail', async () => {
    const j = createJournal({ cap: 10, maxBytes });
    const waiting = j.waitFor({ event_name: 'app-init' }, { timeoutMs: 30 });
    j.logRequest(domainMismatch());
    const error = await waiting.catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'waitForEvents: expected 1 event matching {"event_name":"app-init"} within 30 ms, got 0; nothing arrived; ' +
        `1 request refused: 403 DOMAIN_MISMATCH — ${DETAIL}`,
    );
    expect(nearMissesOf(error)).toEqual([
      {
        status: 403,
        reason: 'DOMAIN_MISMATCH',
        detail: DETAIL,
        request_id: 'r-DOMAIN_MISMATCH',
        path: '/events',
      },
    ]);
  });

  test('only what was refused after the wait started: earlier refusals and accepted requests are not near misses', async () => {
    const j = createJournal({ cap: 10, maxBytes });
    j.logRequest(domainMismatch());
    const waiting = j.waitFor({ event_name: 'app-hide' }, { timeoutMs: 30 });
    j.logRequest(loggedRequest(201, 'RECORDED'));
    const error = await waiting.catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/got 0; nothing arrived$/);
    expect(error).not.toBeInstanceOf(NearMissError);
    expect(nearMissesOf(error)).toEqual([]);
  });

  test('identical refusals are counted once; no detail header falls back to the body message; a reset is one too', () => {
    const misses: NearMiss[] = [
      { status: 403, reason: 'DOMAIN_MISMATCH', detail: DETAIL, request_id: 'a', path: '/events' },
      { status: 403, reason: 'DOMAIN_MISMATCH', detail: DETAIL, request_id: 'b', path: '/events' },
      { status: 0, reason: 'RESET', request_id: 'c', path: '/events' },
    ];
    expect(describeNearMisses(misses)).toBe(
      `3 requests refused: 403 DOMAIN_MISMATCH — ${DETAIL} (×2); 0 RESET`,
    );
    expect(describeNearMisses([])).toBe('');
    expect(describeNearMisses(misses.slice(0, 1), 5)).toBe(
      `5 requests refused: 403 DOMAIN_MISMATCH — ${DETAIL}; and 4 more`,
    );
  });

  test(`at most NEAR_MISSES_LISTED (${NEAR_MISSES_LISTED}) are listed; the message counts them all`, async () => {
    const log = createRequestLog();
    const failing = withNearMisses(log, async () => {
      for (let i = 0; i < NEAR_MISSES_LISTED + 5; i++)
        log.add(loggedRequest(413, 'PAYLOAD_TOO_LARGE', {}, { message: 'The request body is too large.' }));
      throw new Error('waitForEvents: gave up');
    });
    const error = await failing.catch((e: unknown) => e);
    expect(nearMissesOf(error)).toHaveLength(NEAR_MISSES_LISTED);
    expect(nearMissesOf(error)[0]).toMatchObject({ detail: 'The request body is too large.' });
    expect((error as Error).message).toBe(
      `waitForEvents: gave up; ${NEAR_MISSES_LISTED + 5} requests refused: 413 PAYLOAD_TOO_LARGE — ` +
        `The request body is too large. (×${NEAR_MISSES_LISTED}); and 5 more`,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  test('a wait that resolves is passed through', async () => {
    const log = createRequestLog();
    log.add(domainMismatch());
    await expect(withNearMisses(log, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
