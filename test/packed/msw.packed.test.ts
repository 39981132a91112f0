// The Node/jsdom half of "test a Mini App's analytics where the SDK runs" (issue 12), as a user
// meets it: in an empty folder outside the repository, only the packed tarball, msw 2, jsdom 26, the
// official SDK 1.6.4 and Vitest are installed, and the MSW example of docs/testing-mini-apps.md,
// taken from the page, runs there unchanged. A setup file makes any attempt to open a port throw:
// the MSW path must need none.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeBlocks, readPage } from '../docs/markdown';
import { cleanEnv, installPacked, packedTarball, run, type Packed } from '../support/packedPackage';

jest.setTimeout(300_000);

// No colours in Vitest's report, so the test can read it.
const env = { ...cleanEnv, NO_COLOR: '1', FORCE_COLOR: '0' };
const PAGE = 'docs/testing-mini-apps.md';
const THIS_TEST = 'test/packed/msw.packed.test.ts';

/** The ts block of the docs page that names this test as the one that runs it. */
function docsExample(): string {
  const blocks = codeBlocks(PAGE, readPage(PAGE)).filter(
    (b) => b.lang === 'ts' && b.after.includes(`\`${THIS_TEST}\` runs this example`),
  );
  expect(blocks).toHaveLength(1);
  return blocks[0].code;
}

let packed: Packed;
let dir: string;

beforeAll(async () => {
  packed = await packedTarball('tga-msw-packed-');
  dir = await installPacked(packed, 'packed-msw-consumer', [
    'msw@2',
    'jsdom@26',
    '@telegram-apps/analytics@1.6.4',
    'vitest@4.1',
  ]);
}, 600_000);

// Its own install is the run's largest folder: removed here, beside the other worker's tests,
// rather than at the run's end.
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  packed?.cleanup();
});

test("the docs' MSW + jsdom example passes in a scratch project, without opening a port", async () => {
  writeFileSync(path.join(dir, 'analytics.msw.test.ts'), docsExample());
  writeFileSync(
    path.join(dir, 'no-port.cjs'),
    `const net = require('node:net');
net.Server.prototype.listen = function () { throw new Error('a port was opened: the MSW path must need none'); };
`,
  );
  writeFileSync(
    path.join(dir, 'vitest.config.mjs'),
    `export default { test: { setupFiles: ['./no-port.cjs'], testTimeout: 20000 } };\n`,
  );
  const result = await run('npx', ['vitest', 'run', '--reporter=verbose'], {
    cwd: dir,
    env,
    maxBuffer: 16 << 20,
  }).catch((e: { stdout?: string; stderr?: string; message: string }) => ({
    stdout: `${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`,
    failed: true,
  }));
  const out = result.stdout;
  expect('failed' in result ? out : 'passed').toBe('passed');
  expect(out).toMatch(/the SDK reports app-init with the launch user/);
  expect(out).toMatch(/Tests\s+2 passed/);
});

test('the guard against ports is real: a test that listens fails under it', async () => {
  writeFileSync(
    path.join(dir, 'listens.test.mjs'),
    `import http from 'node:http';\nimport { test } from 'vitest';\ntest('listens', () => { http.createServer().listen(0); });\n`,
  );
  const failed = await run('npx', ['vitest', 'run', 'listens.test.mjs'], { cwd: dir, env }).then(
    () => false,
    (e: { stdout?: string; stderr?: string }) =>
      /a port was opened/.test(`${e.stdout ?? ''}${e.stderr ?? ''}`),
  );
  expect(failed).toBe(true);
});
