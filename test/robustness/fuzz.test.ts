// Bounded fuzz run inside `npm test` (the long run is `npm run fuzz`). The seed is printed by
// fast-check on failure; FUZZ_SEED reproduces a run.
import fc from 'fast-check';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import { checkOne, closeAgent, requestArbitrary, send } from '../../scripts/fuzz/fuzzProperty';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ rateLimit: 0 });
});
afterAll(async () => {
  closeAgent();
  await mock.close();
});

test('arbitrary requests: registry answers only, never 5xx, records exactly what it acknowledged', async () => {
  const target = { url: mock.url, token: mock.token() };
  const reasons = new Set<string>();
  await fc.assert(
    fc.asyncProperty(requestArbitrary(target.token), async (req) => {
      const { answer, violation } = await checkOne(target, req);
      expect(violation).toBeUndefined();
      reasons.add(String(answer.reason));
    }),
    {
      numRuns: Number(process.env.FUZZ_RUNS ?? 300),
      seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
    },
  );
  // The generated requests must reach every step of the decision, or the run proves little.
  expect([...reasons].sort()).toEqual(
    expect.arrayContaining([
      'APP_NAME_MISMATCH',
      'DOMAIN_MISMATCH',
      'RECORDED',
      'TOKEN_INVALID',
      'TOKEN_MISSING_OR_MALFORMED',
      'VALIDATION',
    ]),
  );
  expect(mock.events().length).toBeGreaterThan(0);
  // And the mock still answers a plain valid request afterwards.
  const after = await send(
    mock.url,
    '/events',
    'POST',
    { 'content-type': 'application/json', 'tga-auth-token': target.token },
    Buffer.from(
      JSON.stringify({
        event_name: 'app-init',
        session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
        user_id: 1,
        app_name: 'docs',
      }),
    ),
  );
  expect(after.status).toBe(201);
}, 120_000);
