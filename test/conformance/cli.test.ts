// The CLI flow end to end (in process): usage errors (one line) and an unreachable target exit 2, a server
// that is not the mock gets its mock-only checks skipped with the reason, and the write budget
// holds even against a server that accepts everything.
import { createServer } from 'node:net';
import { startMock, type RunningMock } from '../../mock-server';
import pkg from '../../package.json';
import { startMutantProxy } from '../conformance-mutants/mutantProxy';
import { answer } from '../conformance-mutants/proxyBodies';
import { runSuite } from '../support/conformanceRunSuite';

jest.setTimeout(60_000);

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ logLevel: 'silent', rateLimit: 0 });
});

afterAll(async () => {
  await mock.close();
});

test('with no flags and no env it says in one line what it needs and exits 2', async () => {
  const run = await runSuite([]);
  expect(run.exitCode).toBe(2);
  expect(run.stderr).toBe(
    'tga-conformance: missing --base-url (or TGA_BASE_URL) and --token (or TGA_TOKEN) (see tga-conformance --help)\n',
  );
  expect(run.stdout).toBe('');
});

test.each([
  [['--bogus'], 'tga-conformance: unknown flag --bogus (see tga-conformance --help)\n'],
  [
    ['--base-url', 'http://h', '--max-writes', 'many'],
    'tga-conformance: --max-writes must be an integer from 0 to 9007199254740991 (got "many") (see tga-conformance --help)\n',
  ],
])('a bad flag or value (%j) is one line on stderr, exit 2', async (argv, line) => {
  const run = await runSuite(argv);
  expect(run.exitCode).toBe(2);
  expect(run.stderr).toBe(line);
  expect(run.stdout).toBe('');
});

test('--help, --version and --list exit 0; an unknown check name exits 2 pointing at --list', async () => {
  const help = await runSuite(['--help']);
  expect(help.exitCode).toBe(0);
  expect(help.stdout).toMatch(/^Usage: tga-conformance --base-url URL --token TOKEN \[options\]/);
  expect(help.stdout).toContain('--max-writes N');
  const version = await runSuite(['--version']);
  expect(version.exitCode).toBe(0);
  expect(version.stdout).toBe(`${pkg.version}\n`);
  const list = await runSuite(['--list']);
  expect(list.exitCode).toBe(0);
  expect(list.stdout).toMatch(/^response\.recorded-single /m);
  const unknown = await runSuite(['--base-url', mock.url, '--token', mock.token(), '--checks', 'respons']);
  expect(unknown.exitCode).toBe(2);
  expect(unknown.stderr).toBe('tga-conformance: no check matches "respons" (see tga-conformance --list)\n');
});

test('an unreachable target exits 2 before sending anything', async () => {
  // A port that was free a moment ago: bound, then released.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const run = await runSuite(['--base-url', `http://127.0.0.1:${port}`, '--token', mock.token()]);
  expect(run.exitCode).toBe(2);
  expect(run.stderr).toMatch(/unreachable/);
  expect(run.stdout).toBe('');
});

test('env equivalents work; against a non-mock target the mock-only checks are skipped with the reason', async () => {
  mock.reset();
  const proxy = await startMutantProxy(mock.url, { hideControlApi: true });
  try {
    const run = await runSuite(['--seed', '3'], { TGA_BASE_URL: proxy.url, TGA_TOKEN: mock.token() });
    expect(run.exitCode).toBe(0);
    expect(run.skipped).toEqual(
      expect.arrayContaining([
        'mock.record-failure',
        'mock.rate-limit-fault',
        'mock.journal-matches-acknowledged',
      ]),
    );
    for (const r of run.results.filter((x) => x.name.startsWith('mock.'))) {
      expect(r.skipReason).toBe('mock-only: the target does not answer GET /__mock/health');
    }
    expect(run.stdout).toMatch(/400 +RECORD_FAILED +skipped +mock.record-failure: mock-only/);
    expect(run.stdout).toContain('This run never saw 2 documented responses: RECORD_FAILED, RATE_LIMITED.');
  } finally {
    await proxy.close();
  }
});

test('every accepted event carries the run id, and the plan is printed before the summary', async () => {
  mock.reset();
  const run = await runSuite([
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--run-id',
    'run-42',
    '--checks',
    'positive,response',
  ]);
  expect(run.exitCode).toBe(0);
  const stored = mock.events();
  expect(stored.length).toBeGreaterThan(30);
  expect(
    stored.every((e) => (e.event.custom_data as Record<string, unknown>).conformance_run === 'run-42'),
  ).toBe(true);
  expect(run.stdout.indexOf('tga-conformance plan')).toBeLessThan(run.stdout.indexOf('CHECK'));
});

test('--max-writes skips what would not fit, and caps even a server that accepts everything', async () => {
  mock.reset();
  const planned = await runSuite([
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--max-writes',
    '10',
    '--checks',
    'positive',
  ]);
  expect(planned.results.find((r) => r.name === 'positive.batch-20')?.skipReason).toMatch(
    /would pass --max-writes 10/,
  );
  expect(mock.events().length).toBeLessThanOrEqual(10);

  // A server that accepts everything: every negative would be a write.
  let acceptedEvents = 0;
  const proxy = await startMutantProxy(mock.url, {
    request: (req) => {
      const body: unknown = JSON.parse(req.body.toString('utf8') || 'null');
      acceptedEvents += Array.isArray(body) ? body.length : 1;
      return answer('RECORDED');
    },
  });
  try {
    const run = await runSuite([
      '--base-url',
      proxy.url,
      '--token',
      mock.token(),
      '--max-writes',
      '5',
      '--checks',
      'negative.missing,negative.wrong-type',
    ]);
    expect(run.exitCode).toBe(1);
    expect(acceptedEvents).toBe(5);
    expect(run.failed).toHaveLength(5);
    expect(run.results.find((r) => r.verdict === 'skipped')?.skipReason).toBe(
      "write budget exhausted: 5 of --max-writes 5 accepted so far, and this request's 1 event would pass it if the server stored it; --max-writes 6 runs this check",
    );
  } finally {
    await proxy.close();
  }
});

test("an --origin on another host than the token's domain is flagged in the plan (and answered 403)", async () => {
  const run = await runSuite([
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--origin',
    'https://elsewhere.example',
    '--checks',
    'response.recorded-single',
  ]);
  expect(run.stdout).toContain(
    "warning: the Origin's host is not the token's app_domain host; expect 403 answers",
  );
  expect(run.exitCode).toBe(1);
  expect(run.results[0].exchanges[0].received?.status).toBe(403);
});

test('a report path that cannot be written is a clear error (exit 2), not a crash', async () => {
  const run = await runSuite([
    '--base-url',
    mock.url,
    '--token',
    mock.token(),
    '--checks',
    'response.token-missing',
    '--junit',
    '/dev/null/x.xml',
  ]);
  expect(run.exitCode).toBe(2);
  expect(run.stderr).toMatch(/^tga-conformance: cannot write --junit \/dev\/null\/x.xml: /);
});
