// The mutants on servers that are not the mock: one answering like the reports of the live
// service (202, validation reports, Access-Control-Allow-Origin: *) and one with opaque tokens of
// its own design. Each mutant must fail the run and the check that names its deviation, on its
// aspect; together they must catch every check that applies to a server that is not the mock.
// (`only` is not asserted here: what else a mutation touches depends on the server behind it,
// e.g. dropping Origin is a 403 for these servers but passes the mock.)
import { registry } from '../../conformance/checks';
import type { CheckResult } from '../../conformance/run/types';
import { AUTH_TOKEN } from '../../schema/headers';
import {
  docsOnlyToken,
  opaqueInvalidToken,
  opaqueToken,
  startDocsOnlyServer,
  type ServerDesign,
} from '../support/docsOnlyServer';
import { runSuite } from '../support/conformanceRunSuite';
import { mutants, type Mutant } from './mutants';
import { startMutantProxy, type Mutation } from './mutantProxy';
import { answer } from './proxyBodies';

jest.setTimeout(60_000);

async function runAgainst(design: ServerDesign, mutation: Mutation, args: string[]) {
  const server = await startDocsOnlyServer(design);
  const proxy = await startMutantProxy(server.url, mutation);
  try {
    return await runSuite(['--base-url', proxy.url, '--seed', '3', ...args]);
  } finally {
    await proxy.close();
    await server.close();
  }
}

function expectCaught(run: Awaited<ReturnType<typeof runAgainst>>, m: Mutant, caught: Set<string>) {
  [...run.failed, ...run.warned].forEach((n) => caught.add(n));
  expect(run.exitCode).toBe(1);
  expect(run.failed).toContain(m.caughtBy);
  const result = run.results.find((r) => r.name === m.caughtBy) as CheckResult;
  expect(result.failures.map((f) => f.aspect)).toContain(m.aspect);
}

describe('a server answering like the live service', () => {
  const token = docsOnlyToken('live-like', 'https://app.example');
  const caught = new Set<string>();
  const live = { answers: 'live' } as const;

  test('the proxy in front of it is transparent: the identity mutant passes the default profile', async () => {
    const run = await runAgainst(live, {}, ['--token', token]);
    expect(run.failed).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  // The mock-only checks do not apply here, so neither do the mutants only they catch.
  const table = mutants(token).filter((m) => !m.caughtBy.startsWith('mock.'));
  test.each(table.map((m) => [m.name, m] as const))('mutant: %s is caught', async (_name, m) => {
    const run = await runAgainst(live, m.mutation, [
      '--token',
      token,
      ...(m.strict ? ['--profile', 'strict'] : []),
    ]);
    expectCaught(run, m, caught);
  });

  test('together they catch every check that applies to a server that is not the mock', () => {
    const uncaught = registry.checks
      .map((c) => c.name)
      .filter((n) => !n.startsWith('mock.') && n !== 'probe.rate-limit' && !caught.has(n));
    expect(uncaught).toEqual([]);
  });

  test('a failing event-name check says which names are allowed and that the list comes from the SDK', async () => {
    const m = table.find((x) => x.caughtBy === 'negative.not-in-enum.event_name')!;
    const run = await runAgainst(live, m.mutation, ['--token', token, '--checks', m.caughtBy]);
    expect(run.failed).toEqual([m.caughtBy]);
    const why = run.stdout.slice(run.stdout.indexOf('    why: ')).replace(/\s+/g, ' ');
    expect(why).toContain(
      'why: event_name must be one of the 23 names the official SDK sends; the list comes from the SDK (schema/event-names.schema.json): app-init,',
    );
    expect(why).toContain('register-invoice');
  });
});

describe('a server with opaque tokens of its own design', () => {
  const token = opaqueToken('own-design', 'https://own.example');
  const invalid = opaqueInvalidToken();
  const args = [
    '--token',
    token,
    '--app-name',
    'own-design',
    '--origin',
    'https://own.example',
    '--invalid-token',
    invalid,
    '--profile',
    'docs',
  ];
  const opaque = { tokens: 'opaque' } as const;
  const tokenOf = (headers: Record<string, string>) => headers[AUTH_TOKEN.lower];
  const reused = mutants(token).filter((m) =>
    ['missing token accepted', 'a message text changed ("Token is invalid." without its full stop)'].includes(
      m.name,
    ),
  );
  const tokenMutants: Mutant[] = [
    ...reused,
    {
      name: 'any well-formed token accepted (the --invalid-token passes)',
      caughtBy: 'response.token-invalid',
      aspect: 'status',
      mutation: {
        request: (req) =>
          tokenOf(req.headers) === invalid
            ? { ...req, headers: { ...req.headers, [AUTH_TOKEN.lower]: token } }
            : req,
      },
    },
    {
      name: 'an empty token answered "Token is invalid."',
      caughtBy: 'response.token-garbled',
      aspect: 'body',
      mutation: { request: (req) => (tokenOf(req.headers) === '' ? answer('TOKEN_INVALID') : req) },
    },
  ];

  test('the identity mutant passes', async () => {
    const run = await runAgainst(opaque, {}, args);
    expect(run.failed).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  test.each(tokenMutants.map((m) => [m.name, m] as const))('token mutant: %s is caught', async (_name, m) => {
    const run = await runAgainst(opaque, m.mutation, args);
    expectCaught(run, m, new Set());
  });
});
