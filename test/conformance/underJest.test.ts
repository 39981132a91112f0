// The bin's real executor: the checks run under Jest (conformance/run/runJest.ts), here from the
// source tree (ts-node for the CLI, ts-jest for the Jest shell). The compiled path, from dist/ in
// an installed tarball, is covered by test/packed/conformance.packed.test.ts.
import { execFile } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startMock, type RunningMock } from '../../mock-server';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ logLevel: 'silent', rateLimit: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'tga-conformance-under-jest-'));
});

afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

test('from the source tree, the CLI runs the selected checks under Jest and reports them', async () => {
  const report = path.join(dir, 'r.json');
  const { stdout } = await run(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      'conformance/cli/cli.ts',
      '--base-url',
      mock.url,
      '--checks',
      'response,negative.body',
      '--report-json',
      report,
    ],
    // Only what node needs, and the token the way CI passes it: by environment variable.
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TGA_TOKEN: mock.token() }, maxBuffer: 16 << 20 },
  );
  expect(stdout).toMatch(/^13 checks: 13 passed, 0 failed, 0 skipped$/m);
  const written = JSON.parse(readFileSync(report, 'utf8')) as { results: { verdict: string }[] };
  expect(written.results.map((r) => r.verdict)).toEqual(Array(13).fill('passed'));
}, 120_000);
