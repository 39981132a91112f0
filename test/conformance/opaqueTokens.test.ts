// A server whose tokens are of its own design (test/support/docsOnlyServer.ts with `tokens:
// 'opaque'`: `tok_` and 32 hex digits, looked up): the suite cannot read or forge such a token, so
// it needs --app-name and --origin, and checks the refusal of an invalid token with --invalid-token.
import {
  docsOnlyToken,
  opaqueInvalidToken,
  opaqueToken,
  startDocsOnlyServer,
} from '../support/docsOnlyServer';
import { runSuite } from '../support/conformanceRunSuite';

jest.setTimeout(60_000);

let server: { url: string; close(): Promise<void> };
const token = opaqueToken('own-design', 'https://own.example');

beforeAll(async () => {
  server = await startDocsOnlyServer({ tokens: 'opaque' });
});
afterAll(async () => {
  await server.close();
});

const args = () => [
  '--base-url',
  server.url,
  '--token',
  token,
  '--app-name',
  'own-design',
  '--origin',
  'https://own.example',
  '--profile',
  'docs',
];

test('passes with --token, --app-name, --origin and --invalid-token; the invalid token is refused', async () => {
  const run = await runSuite([...args(), '--invalid-token', opaqueInvalidToken(), '--fail-on-skip']);
  if (run.exitCode !== 0) process.stdout.write(run.stdout);
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain('(--app-name: the token is opaque, the invalid one is --invalid-token;');
  const invalid = run.results.find((r) => r.name === 'response.token-invalid')!;
  expect(invalid.verdict).toBe('passed');
  expect(invalid.exchanges.map((e) => e.label)).toEqual(['token the --invalid-token']);
  const garbled = run.results.find((r) => r.name === 'response.token-garbled')!;
  expect(garbled.verdict).toBe('passed');
  expect(garbled.exchanges.map((e) => e.label)).toEqual(['token empty (the header with no value)']);
  // Reports never hold the tokens themselves.
  expect(JSON.stringify(run.results)).not.toContain(token);
  expect(run.stdout).toContain('gate passed: --fail-on-skip');
});

test('without --invalid-token the invalid-token check is skipped with its own code, which --fail-on-skip counts', async () => {
  const run = await runSuite([...args(), '--fail-on-skip']);
  const invalid = run.results.find((r) => r.name === 'response.token-invalid')!;
  expect(invalid.verdict).toBe('skipped');
  expect(invalid.skipCode).toBe('opaque-token');
  expect(invalid.skipReason).toContain('--invalid-token');
  expect(run.failed).toEqual([]);
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toMatch(/GATE FAILED: --fail-on-skip: 1 check was skipped: response\.token-invalid/);
  const plain = await runSuite(args());
  expect(plain.exitCode).toBe(0);
});

test('without --app-name (or --origin) an opaque token is a clear usage error, exit 2', async () => {
  const noApp = await runSuite([
    '--base-url',
    server.url,
    '--token',
    token,
    '--origin',
    'https://own.example',
  ]);
  expect(noApp.exitCode).toBe(2);
  expect(noApp.stderr).toContain('--token is not a TGA token');
  expect(noApp.stderr).toContain('give --app-name NAME (the app the token is for');
  expect(noApp.stderr).not.toContain(token);
  const neither = await runSuite(['--base-url', server.url, '--token', token]);
  expect(neither.exitCode).toBe(2);
  expect(neither.stderr).toContain('give --app-name NAME and --origin ORIGIN');
});

test('a TGA token with another --app-name than its own is a usage error', async () => {
  const run = await runSuite([
    '--base-url',
    server.url,
    '--token',
    docsOnlyToken('a', 'https://a.example'),
    '--app-name',
    'b',
  ]);
  expect(run.exitCode).toBe(2);
  expect(run.stderr).toContain("--app-name b is not the token's app_name (a)");
});
