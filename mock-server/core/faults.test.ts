import { decodeFaultSpec, MAX_FAULT_STRING } from './faultSpec';
import { createFaultStore, MAX_ARMED_FAULTS } from './faults';

describe('fault store', () => {
  test('a counted fault fires N times at its stage only, then disarms', () => {
    const store = createFaultStore();
    const f = store.arm({ kind: 'record-failure', count: 2 });
    expect(f).toEqual({ ok: true, fault: { id: 'f1', kind: 'record-failure', count: 2 } });
    expect(store.take('rate', 'docs')).toBeUndefined();
    expect(store.take('record', 'docs')?.id).toBe('f1');
    expect(store.list()[0].count).toBe(1);
    expect(store.take('record', 'docs')?.id).toBe('f1');
    expect(store.take('record', 'docs')).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  test('app_name restricts a fault and other apps do not spend it', () => {
    const store = createFaultStore();
    store.arm({ kind: 'rate-limit', app_name: 'shop' });
    expect(store.take('rate', 'docs')).toBeUndefined();
    expect(store.take('rate', undefined)).toBeUndefined();
    expect(store.take('rate', 'shop')?.kind).toBe('rate-limit');
    expect(store.list()).toEqual([]);
  });

  test('probability with a seed is reproducible; without count it stays armed', () => {
    const run = () => {
      const store = createFaultStore(() => 0.999);
      store.arm({ kind: 'reset', probability: 0.5, seed: 42 });
      return Array.from({ length: 40 }, () => Boolean(store.take('record', 'docs')));
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.filter(Boolean).length).toBeGreaterThan(5);
    expect(a.filter((x) => !x).length).toBeGreaterThan(5);
  });

  test('probability uses the injected random without a seed', () => {
    const draws = [0.1, 0.9, 0.2];
    const store = createFaultStore(() => draws.shift() ?? 1);
    store.arm({ kind: 'latency', ms: 5, probability: 0.5, count: 5 });
    expect(store.take('latency', 'x')?.ms).toBe(5);
    expect(store.take('latency', 'x')).toBeUndefined();
    expect(store.take('latency', 'x')).toBeDefined();
    expect(store.list()[0].count).toBe(3); // spent only when it fired
  });

  test('remove and clear', () => {
    const store = createFaultStore();
    const a = store.arm({ kind: 'reset' });
    if (!a.ok) throw new Error(a.message);
    store.arm({ kind: 'reset' });
    expect(store.remove(a.fault.id)).toBe(true);
    expect(store.remove(a.fault.id)).toBe(false);
    store.clear();
    expect(store.list()).toEqual([]);
  });

  test('a server-error fault fires at the record step with its status', () => {
    const store = createFaultStore();
    store.arm({ kind: 'server-error', status: 503 });
    expect(store.take('rate', 'docs')).toBeUndefined();
    expect(store.take('record', 'docs')).toMatchObject({ kind: 'server-error', status: 503 });
  });

  test(`at most ${MAX_ARMED_FAULTS} faults are armed; the next is refused naming the cap, until one goes`, () => {
    const store = createFaultStore();
    for (let i = 0; i < MAX_ARMED_FAULTS; i++) expect(store.arm({ kind: 'reset' }).ok).toBe(true);
    const refused = store.arm({ kind: 'reset' });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining(`at most ${MAX_ARMED_FAULTS}`) });
    expect(store.list()).toHaveLength(MAX_ARMED_FAULTS);
    store.take('record', 'docs');
    expect(store.arm({ kind: 'reset' }).ok).toBe(true);
  });
});

describe('fault spec decoding (strict)', () => {
  test.each([
    [{ kind: 'record-failure' }, { kind: 'record-failure' }],
    [
      { kind: 'latency', ms: 10, count: 3 },
      { kind: 'latency', ms: 10, count: 3 },
    ],
    [
      { kind: 'reset', probability: 0.3, seed: 7, app_name: 'docs' },
      { kind: 'reset', probability: 0.3, seed: 7, app_name: 'docs' },
    ],
    [{ kind: 'server-error' }, { kind: 'server-error', status: 500 }],
    [
      { kind: 'server-error', status: 503, app_name: 'a'.repeat(MAX_FAULT_STRING) },
      { kind: 'server-error', status: 503, app_name: 'a'.repeat(MAX_FAULT_STRING) },
    ],
  ])('accepts %j', (body, spec) => {
    expect(decodeFaultSpec(body)).toEqual({ ok: true, value: spec });
  });

  test.each([
    [null, 'body'],
    [[], 'body'],
    [{ kind: 'explode' }, 'kind'],
    [{ kind: 'reset', cont: 1 }, 'cont'],
    [{ kind: 'reset', count: 0 }, 'count'],
    [{ kind: 'reset', count: 1.5 }, 'count'],
    [{ kind: 'reset', probability: 2 }, 'probability'],
    [{ kind: 'reset', probability: 0.5, seed: 'x' }, 'seed'],
    [{ kind: 'reset', seed: 1 }, 'seed'],
    [{ kind: 'reset', app_name: '' }, 'app_name'],
    [{ kind: 'latency' }, 'ms'],
    [{ kind: 'latency', ms: -1 }, 'ms'],
    [{ kind: 'reset', ms: 5 }, 'ms'],
    [{ kind: 'reset', app_name: 'a'.repeat(MAX_FAULT_STRING + 1) }, 'app_name'],
    [{ kind: 'server-error', status: 499 }, 'status'],
    [{ kind: 'server-error', status: 600 }, 'status'],
    [{ kind: 'server-error', status: '500' }, 'status'],
    [{ kind: 'record-failure', status: 500 }, 'status'],
  ])('rejects %j naming %s', (body, field) => {
    const result = decodeFaultSpec(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.startsWith(`${field}:`)).toBe(true);
  });
});
