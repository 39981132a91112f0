// The real-server 429 probe (--probe-rate-limit): provokes 429 within its bound, fails on a
// wrong 429 body, and reports "skipped" with the reason when the bound is reached without one.
import { startMock, type RunningMock } from '../../mock-server';
import { mutants } from '../conformance-mutants/mutants';
import { startMutantProxy } from '../conformance-mutants/mutantProxy';
import { runSuite } from '../support/conformanceRunSuite';

jest.setTimeout(60_000);

let limited: RunningMock;
let unlimited: RunningMock;

beforeAll(async () => {
  limited = await startMock({ logLevel: 'silent', rateLimit: 5, rateWindow: 600 });
  unlimited = await startMock({ logLevel: 'silent', rateLimit: 0 });
});

afterAll(async () => {
  await limited.close();
  await unlimited.close();
});

const probe = (url: string, token: string, n: number) =>
  runSuite(['--base-url', url, '--token', token, '--checks', 'probe', '--probe-rate-limit', String(n)]);

test('provokes the documented 429 within the bound', async () => {
  limited.reset();
  const run = await probe(limited.url, limited.token(), 20);
  expect(run.passed).toEqual(['probe.rate-limit']);
  expect(run.results[0].observed).toEqual(['RATE_LIMITED']);
  expect(run.results[0].notes.join()).toMatch(/429 after 6 requests/);
  expect(run.exitCode).toBe(0);
});

test('fails on a mutant whose 429 body is not the documented one', async () => {
  limited.reset();
  const mutant = mutants(limited.token()).find((m) => m.caughtBy === 'mock.rate-limit-fault')!;
  const proxy = await startMutantProxy(limited.url, mutant.mutation);
  try {
    const run = await probe(proxy.url, limited.token(), 20);
    expect(run.failed).toEqual(['probe.rate-limit']);
    expect(run.exitCode).toBe(1);
  } finally {
    await proxy.close();
  }
});

test('is skipped, with the reason, when no 429 comes within the bound', async () => {
  const run = await probe(unlimited.url, unlimited.token(), 3);
  expect(run.skipped).toEqual(['probe.rate-limit']);
  expect(run.results[0].skipReason).toBe(
    'no 429 within 3 requests (raise --probe-rate-limit to probe further)',
  );
  expect(run.stdout).toMatch(/429 +RATE_LIMITED +skipped +probe.rate-limit: no 429 within 3/);
});

test('is skipped unless asked for', async () => {
  const run = await runSuite([
    '--base-url',
    unlimited.url,
    '--token',
    unlimited.token(),
    '--checks',
    'probe',
  ]);
  expect(run.results[0].skipReason).toMatch(/--probe-rate-limit/);
});
