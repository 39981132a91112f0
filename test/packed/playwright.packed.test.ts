// The Playwright half of "test a Mini App's analytics", as a user gets it: in an empty folder, the
// packed tarball, @telegram-apps/analytics 1.6.4 and playwright-core (copied from this repository's
// node_modules: no registry), and there the complete example of docs/testing-mini-apps.md, taken
// from the page, compiled and run with node against Debian's Chromium: startMock, routeToMock and
// telegramLaunchUrl from the package; app-init and app-hide arrive with the launch's user id.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CHROMIUM_PATH, describeBrowser } from '../browser/support/chromium';
import { codeBlocks, readPage } from '../docs/markdown';
import {
  bareConsumer,
  cleanEnv as env,
  copyFromRepo,
  packedTarball,
  ROOT,
  run,
  type Packed,
} from '../support/packedPackage';

const PAGE = 'docs/testing-mini-apps.md';
const THIS_TEST = 'test/packed/playwright.packed.test.ts';

/** The ts block of the docs page that names this test as the one that runs it. */
function docsExample(): string {
  const blocks = codeBlocks(PAGE, readPage(PAGE)).filter(
    (b) => b.lang === 'ts' && b.after.includes(`\`${THIS_TEST}\` runs this example`),
  );
  expect(blocks).toHaveLength(1);
  return blocks[0].code;
}

let packed: Packed | undefined;
let dir: string;

afterAll(() => packed?.cleanup());

test('the docs page has exactly one example for this test, and it uses the package entry points', () => {
  const code = docsExample();
  expect(code).toContain("from 'tga-contract'");
  expect(code).toContain("from 'tga-contract/playwright'");
});

describeBrowser('the installed package with Playwright and the official SDK', () => {
  beforeAll(async () => {
    packed = await packedTarball('tga-playwright-packed-');
    // The tarball alone: playwright-core is an optional peer, so npm installs without it.
    dir = await bareConsumer(packed, 'packed-playwright-consumer');
    // Into the run's one install (node_modules is linked): the other packed tests use neither.
    copyFromRepo(dir, ['playwright-core', '@telegram-apps/analytics']);
  }, 300_000);

  test('importing tga-contract or tga-contract/playwright loads no Playwright', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '-e',
        "const m = require('tga-contract'); const p = require('tga-contract/playwright');" +
          'console.log([typeof m.telegramLaunchUrl, typeof p.routeToMock, typeof p.telegramLaunchUrl,' +
          " Object.keys(require.cache).some((f) => f.includes('playwright-core'))].join())",
      ],
      { cwd: dir, env },
    );
    expect(stdout.trim()).toBe('function,function,function,false');
  });

  test("the docs page's example type-checks against the installed package's types", async () => {
    writeFileSync(path.join(dir, 'analytics.e2e.ts'), docsExample());
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'node16',
          moduleResolution: 'node16',
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
          lib: ['ES2022', 'DOM'],
          // Node's types, which a TypeScript project has installed, from this repository.
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
          types: ['node'],
        },
        files: ['analytics.e2e.ts'],
      }),
    );
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, env }).catch(
      (e: { stdout: string; stderr: string }) => {
        throw new Error(`tsc found errors:\n${e.stdout}${e.stderr}`);
      },
    );
  }, 120_000);

  test("the docs page's Playwright example runs: app-init and app-hide with the launch's user id", async () => {
    const js = ts.transpileModule(docsExample(), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    }).outputText;
    writeFileSync(path.join(dir, 'analytics.e2e.js'), js);
    const result = await run(process.execPath, ['analytics.e2e.js'], {
      cwd: dir,
      env: { ...env, CHROMIUM_PATH },
    }).catch((e: { code: number; stdout: string; stderr: string }) => {
      throw new Error(`the example exited ${e.code}\n${e.stdout}\n${e.stderr}`);
    });
    expect(result.stdout).toBe('app-init and app-hide recorded for user 5123456789; a 429 was retried\n');
  }, 120_000);
});
