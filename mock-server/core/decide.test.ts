import documented from '../../schema/examples/documented.json';
import { createRequestValidator, documentedResponse, type DocumentedReason } from '../../schema';
import { decide, type DecisionInput } from './decide';
import { createFaultStore } from './faults';
import { createRateLimiter } from './rateLimit';
import { createToken } from './tokenSignature';

const SECRET = 'test-secret';
const claims = { app_name: 'docs', app_url: 'https://t.me/docs_bot', app_domain: 'http://localhost' };
const good = documented.vectors[0].body as Record<string, unknown>[];

// Each step of the order, and how to break it.
const STEPS = [
  ['token format', 'TOKEN_MISSING_OR_MALFORMED'],
  ['signature', 'TOKEN_INVALID'],
  ['origin', 'DOMAIN_MISMATCH'],
  ['rate', 'RATE_LIMITED'],
  ['body', 'VALIDATION'],
  ['app_name', 'APP_NAME_MISMATCH'],
  ['fault', 'RECORD_FAILED'],
] as const;
type Step = (typeof STEPS)[number][0];

function setup(broken: Step[] = []) {
  const t = 1_000_000;
  const limiter = createRateLimiter({
    limit: broken.includes('rate') ? 1 : 10,
    windowMs: 60_000,
    now: () => t,
  });
  const faults = createFaultStore(() => 0);
  if (broken.includes('rate')) limiter.hit('docs');
  if (broken.includes('fault')) faults.arm({ kind: 'record-failure' });
  const deps = { secret: SECRET, requireOrigin: false, limiter, validator: createRequestValidator(), faults };
  const token = createToken(claims, broken.includes('signature') ? 'wrong-secret' : SECRET);
  const body = broken.includes('app_name') ? good.map((e) => ({ ...e, app_name: 'other' })) : good;
  const input: DecisionInput = {
    token: broken.includes('token format') ? 'garbage' : token,
    origin: broken.includes('origin') ? 'https://evil.example' : 'http://localhost:5173',
    body: { ok: true, value: broken.includes('body') ? [{ ...body[0], user_id: 'x' }] : body },
  };
  return { input, deps, faults, limiter };
}

describe('decide: every documented response with its exact status and body', () => {
  test('201 RECORDED returns the whole batch', () => {
    const { input, deps } = setup();
    const d = decide(input, deps);
    const doc = documentedResponse('RECORDED');
    expect([d.status, d.body, d.reason]).toEqual([doc.status, doc.body, 'RECORDED']);
    expect(d.events).toEqual(good);
    expect(d.headers['TGA-Mock-Reason']).toBe('RECORDED');
  });

  test.each(STEPS)('breaking %s answers %s', (step, reason) => {
    const { input, deps } = setup([step]);
    const d = decide(input, deps);
    const doc = documentedResponse(reason as DocumentedReason);
    expect({ reason: d.reason, status: d.status, body: d.body }).toEqual({
      reason,
      status: doc.status,
      body: doc.body,
    });
    expect(d.events).toBeUndefined();
  });
});

describe('decide: the order (a request breaking two rules gets the earlier answer)', () => {
  const pairs = STEPS.flatMap(([a, ra], i) => STEPS.slice(i + 1).map(([b]) => [a, b, ra] as const));
  test.each(pairs)('%s + %s → %s', (a, b, reason) => {
    const { input, deps } = setup([a, b]);
    expect(decide(input, deps).reason).toBe(reason);
  });

  test('an armed fault is not spent by a request rejected earlier', () => {
    const { input, deps, faults } = setup(['app_name', 'fault']);
    decide(input, deps);
    expect(faults.list()).toHaveLength(1);
  });
});

describe('decide: details', () => {
  test('429 carries Retry-After in whole seconds; the rate-limit fault answers 429 too', () => {
    const { input, deps, faults } = setup(['rate']);
    expect(decide(input, deps).headers['Retry-After']).toBe('20'); // 1,000 s is 40 s into a 60 s window
    const fresh = setup();
    fresh.faults.arm({ kind: 'rate-limit' });
    const d = decide(fresh.input, fresh.deps);
    expect(d.reason).toBe('RATE_LIMITED');
    expect(d.headers['Retry-After']).toBe('20');
    expect(faults.list()).toEqual([]);
  });

  test('validation failures carry the violations header; the body stays documented', () => {
    const { input, deps } = setup(['body']);
    const d = decide(input, deps);
    expect(d.body).toEqual(documentedResponse('VALIDATION').body);
    expect(JSON.parse(d.headers['TGA-Mock-Violations'])).toEqual([
      expect.objectContaining({ keyword: 'type', instancePath: '/0/user_id' }),
    ]);
  });

  test.each(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_ENCODING', 'VALIDATION'] as const)(
    'body problem %s ranks at step 5',
    (reason) => {
      const { input, deps } = setup();
      const body = {
        ok: false as const,
        reason,
        violation: { keyword: 'body', instancePath: '', message: 'x' },
      };
      expect(decide({ ...input, body }, deps).reason).toBe(reason);
      const early = setup(['origin']);
      expect(decide({ ...early.input, body }, early.deps).reason).toBe('DOMAIN_MISMATCH');
    },
  );

  test('one bad event in a batch rejects the whole batch (atomic)', () => {
    const { input, deps } = setup();
    const batch = [good[0], { ...good[0], app_name: 'other' }, good[0]];
    const d = decide({ ...input, body: { ok: true, value: batch } }, deps);
    expect(d.reason).toBe('APP_NAME_MISMATCH');
    expect(d.events).toBeUndefined();
  });

  test('reset and latency faults', () => {
    const { input, deps, faults } = setup();
    faults.arm({ kind: 'reset' });
    faults.arm({ kind: 'latency', ms: 250 });
    const d = decide(input, deps);
    expect(d.reset).toBe(true);
    expect(d.delayMs).toBe(250);
    const next = decide(input, deps);
    expect([next.reason, next.reset, next.delayMs]).toEqual(['RECORDED', undefined, undefined]);
  });

  test('a server-error fault answers its status with a generic body at step 7, recording nothing', () => {
    const { input, deps, faults } = setup();
    faults.arm({ kind: 'server-error', status: 503 });
    const d = decide(input, deps);
    expect([d.reason, d.status, d.body, d.events]).toEqual([
      'SERVER_ERROR_FAULT',
      503,
      { message: 'Internal Server Error' },
      undefined,
    ]);
    expect(d.headers['TGA-Mock-Reason']).toBe('SERVER_ERROR_FAULT');
    faults.arm({ kind: 'server-error' });
    expect(decide(input, deps).status).toBe(500);
    const early = setup(['origin']);
    early.faults.arm({ kind: 'server-error' });
    expect(decide(early.input, early.deps).reason).toBe('DOMAIN_MISMATCH');
  });

  test('requireOrigin: no Origin and no Referer answers 403', () => {
    const { input, deps } = setup();
    const bare = { ...input, origin: undefined };
    expect(decide(bare, deps).reason).toBe('RECORDED');
    expect(decide(bare, { ...deps, requireOrigin: true }).reason).toBe('DOMAIN_MISMATCH');
  });

  test('strict validation rejects unknown top-level fields', () => {
    const { input, deps } = setup();
    const body = { ok: true as const, value: [{ ...good[0], evnt_name: 'x' }] };
    expect(decide({ ...input, body }, deps).reason).toBe('RECORDED');
    expect(
      decide({ ...input, body }, { ...deps, validator: createRequestValidator({ strict: true }) }).reason,
    ).toBe('VALIDATION');
  });
});
