// The acceptance of "a Mini App's own page, unmodified, tested offline", as a user gets it: in an
// empty folder, the packed tarball, @telegram-apps/analytics 1.6.4 and playwright-core (copied from
// this repository's node_modules: no registry), and there the three examples of
// docs/testing-mini-apps.md that name this test, taken from the page: the script (both CDN script
// tags, no stub; run with node), the @playwright/test spec (run with `playwright test`,
// @playwright/test and playwright copied in too) and the recipe with Playwright's clock (node), all
// against Debian's Chromium.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CHROMIUM_PATH, describeBrowser } from '../browser/support/chromium';
import { codeBlocks, readPage } from '../docs/markdown';
import {
  cleanEnv as env,
  copyFromRepo,
  installPacked,
  packedTarball,
  run,
  type Packed,
} from '../support/packedPackage';

const PAGE = 'docs/testing-mini-apps.md';
const THIS_TEST = 'test/packed/miniApp.packed.test.ts';

/**
 * The page's ts blocks that name this test as the one that runs them: the script, the spec, then
 * the recipe with Playwright's clock.
 */
function docsExamples(): { script: string; spec: string; clock: string } {
  const blocks = codeBlocks(PAGE, readPage(PAGE)).filter(
    (b) => b.lang === 'ts' && b.after.includes(`\`${THIS_TEST}\` runs this example`),
  );
  expect(blocks).toHaveLength(3);
  return { script: blocks[0].code, spec: blocks[1].code, clock: blocks[2].code };
}

/** Runs a script example of the page with node in the consumer folder; resolves with its output. */
async function runScript(code: string, file: string): Promise<string> {
  const js = ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  }).outputText;
  writeFileSync(path.join(dir, file), js);
  const result = await run(process.execPath, [file], { cwd: dir, env: { ...env, CHROMIUM_PATH } }).catch(
    (e: { code: number; stdout: string; stderr: string }) => {
      throw new Error(`the example exited ${e.code}\n${e.stdout}\n${e.stderr}`);
    },
  );
  return result.stdout;
}

let packed: Packed | undefined;
let dir: string;

afterAll(() => packed?.cleanup());

test('the docs page has the three examples for this test, using the package entry points', () => {
  const { script, spec, clock } = docsExamples();
  expect(script).toContain("from 'tga-contract/playwright'");
  expect(script).toContain('https://telegram.org/js/telegram-web-app.js');
  expect(script).toContain('https://tganalytics.xyz/index.js');
  expect(script).not.toContain('WebView');
  expect(spec).toContain("from 'tga-contract/playwright/test'");
  expect(clock).toContain('clock.install()');
  expect(clock).toContain('clock.runFor(2_000)');
});

describeBrowser('an unmodified Mini App page with the installed package', () => {
  beforeAll(async () => {
    packed = await packedTarball('tga-miniapp-packed-');
    dir = await installPacked(packed, 'packed-miniapp-consumer');
    copyFromRepo(dir, ['playwright-core', '@telegram-apps/analytics']);
  }, 300_000);

  test("the script example runs: app-init with the launch's user, Telegram's calls, nothing leaves", async () => {
    const stdout = await runScript(docsExamples().script, 'miniapp.e2e.js');
    expect(stdout).toMatch(
      /^app-init for user 5123456789; \d+ calls to Telegram; nothing left the machine\n$/,
    );
  }, 120_000);

  test("the clock recipe runs: each event of a session in one batch, on the page's clock", async () => {
    const stdout = await runScript(docsExamples().clock, 'miniapp.clock.js');
    expect(stdout).toBe(
      "app-init, connection-completed, purchase-init, purchase-success, app-hide: one batch each, on the page's clock\n",
    );
  }, 120_000);

  test('the @playwright/test fixture example passes under `playwright test`', async () => {
    copyFromRepo(dir, ['@playwright/test', 'playwright']);
    writeFileSync(path.join(dir, 'miniapp.spec.ts'), docsExamples().spec);
    writeFileSync(
      path.join(dir, 'playwright.config.js'),
      "module.exports = { testDir: '.', testMatch: 'miniapp.spec.ts', workers: 1, reporter: 'line' };\n",
    );
    const cli = path.join(dir, 'node_modules', '@playwright', 'test', 'cli.js');
    const result = await run(process.execPath, [cli, 'test'], {
      cwd: dir,
      env: { ...env, CHROMIUM_PATH },
    }).catch((e: { code: number; stdout: string; stderr: string }) => {
      throw new Error(`playwright test exited ${e.code}\n${e.stdout}\n${e.stderr}`);
    });
    expect(result.stdout).toContain('1 passed');
  }, 180_000);
});
