// Proven non-vacuous: the suite against mutant servers (the real mock behind a deviating proxy).
// Each mutant must fail the run (exit 1) and fail the check that names its deviation, on the
// named aspect; together the mutants must catch every check of the registry.
import { registry } from '../../conformance/checks';
import type { CheckResult } from '../../conformance/run/types';
import { startMock, type RunningMock } from '../../mock-server';
import { runSuite } from '../support/conformanceRunSuite';
import { mutants } from './mutants';
import { startMutantProxy } from './mutantProxy';

jest.setTimeout(60_000);

let mock: RunningMock;
const caught = new Set<string>();

beforeAll(async () => {
  mock = await startMock({ logLevel: 'silent', rateLimit: 0 });
});

afterAll(async () => {
  await mock.close();
});

async function runAgainst(mutation: Parameters<typeof startMutantProxy>[1], extra: string[] = []) {
  mock.reset();
  const proxy = await startMutantProxy(mock.url, mutation);
  try {
    return await runSuite(['--base-url', proxy.url, '--token', mock.token(), '--seed', '1', ...extra]);
  } finally {
    await proxy.close();
  }
}

test('the proxy itself is transparent: an identity mutant passes', async () => {
  const run = await runAgainst({});
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(0);
});

const table = mutants('placeholder').map(
  (m) => [m.name, m.caughtBy, m.aspect, m.only ?? false, m.strict ?? false] as const,
);

describe.each(table)('mutant: %s', (name, caughtBy, aspect, only, strict) => {
  const profile = strict ? ' under --profile strict' : '';
  test(`fails the run${profile}, and ${caughtBy} fails on ${aspect}${only ? ' (and nothing else)' : ''}`, async () => {
    const mutant = mutants(mock.token()).find((m) => m.name === name)!;
    const run = await runAgainst(mutant.mutation, strict ? ['--profile', 'strict'] : []);
    // A warning check a mutant fails under the default profile is caught too (it is reported).
    [...run.failed, ...run.warned].forEach((n) => caught.add(n));
    expect(run.exitCode).toBe(1);
    if (only) expect(run.failed).toEqual([caughtBy]);
    else expect(run.failed).toContain(caughtBy);
    const result = run.results.find((r) => r.name === caughtBy) as CheckResult;
    expect(result.failures.map((f) => f.aspect)).toContain(aspect);
  });
});

test('together the mutants catch every check (the 429 probe is proven in test/conformance/rateLimitProbe.test.ts)', () => {
  const uncaught = registry.checks
    .map((c) => c.name)
    .filter((n) => n !== 'probe.rate-limit' && !caught.has(n));
  expect(uncaught).toEqual([]);
});
