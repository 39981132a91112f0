// tga-conformance/jest as a backend team uses it: both release tarballs and Vitest installed into
// an empty folder (Jest comes with the suite), and there the two examples of docs/conformance.md's
// "In your own Jest or Vitest run", taken from the page, run against a running mock: under the
// project's own Jest (Jest's globals) and under Vitest (its functions passed in). Every check is a
// test of that run, with the CLI's plan (one skipped), and the report file the example asks for.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { startMock, type RunningMock } from '../../mock-server';
import { codeBlocks, readPage } from '../docs/markdown';
import { cleanEnv, installPacked, packedTarball, ROOT, run, type Packed } from '../support/packedPackage';

const PAGE = 'docs/conformance.md';
const THIS_TEST = 'test/packed/conformanceJest.packed.test.ts';

/** The page's ts blocks that name this test as the one that runs them: Jest's, then Vitest's. */
function docsExamples(): { jest: string; vitest: string } {
  const blocks = codeBlocks(PAGE, readPage(PAGE)).filter(
    (b) => b.lang === 'ts' && b.after.includes(`\`${THIS_TEST}\` runs this example`),
  );
  expect(blocks).toHaveLength(2);
  return { jest: blocks[0].code, vitest: blocks[1].code };
}

let packed: Packed;
let dir: string;
let mock: RunningMock;
let env: Record<string, string>;

beforeAll(async () => {
  packed = await packedTarball('tga-conformance-jest-packed-');
  dir = await installPacked(packed, 'packed-suite-jest-consumer', ['vitest@4.1'], { suite: true });
  // The mock runs here; the examples' runs are processes of their own, so it answers their probe.
  mock = await startMock({ logLevel: 'silent' });
  // As the examples say: the server and its token from the environment. No colours, to read the output.
  env = { ...cleanEnv, TGA_BASE_URL: mock.url, TGA_TOKEN: mock.token(), NO_COLOR: '1', FORCE_COLOR: '0' };
}, 600_000);

afterAll(async () => {
  await mock?.close();
  packed?.cleanup();
});

const outcome = (p: Promise<{ stdout: string; stderr: string }>) =>
  p.then(
    (r) => ({ code: 0, out: `${r.stdout}\n${r.stderr}` }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      out: `${e.stdout}\n${e.stderr}`,
    }),
  );

test('the docs examples use the entry, the Vitest one passing its functions in', () => {
  const { jest, vitest } = docsExamples();
  expect(jest).toContain("from 'tga-conformance/jest'");
  expect(vitest).toContain("from 'vitest'");
  expect(vitest).toMatch(/defineConformanceTests\(\{[^}]*describe, test, afterAll/);
});

test("under the project's own Jest: one test per check, the plan's skip, a JUnit file", async () => {
  mock.reset();
  const js = ts.transpileModule(docsExamples().jest, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(path.join(dir, 'conformance.test.js'), js);
  const r = await outcome(
    run('npx', ['jest', '--ci', 'conformance.test.js'], { cwd: dir, env, maxBuffer: 32 << 20 }),
  );
  if (r.code !== 0) throw new Error(`jest exited ${r.code}\n${r.out}`);
  expect(r.out).toMatch(/Tests:\s+1 skipped, 90 passed, 91 total/);
  expect(readFileSync(path.join(dir, 'conformance-junit.xml'), 'utf8')).toMatch(
    /<testsuites name="tga-conformance" tests="91" failures="0" skipped="1"/,
  );
}, 300_000);

test('under Vitest: the same tests, the report file', async () => {
  mock.reset();
  writeFileSync(path.join(dir, 'conformance.vitest.test.ts'), docsExamples().vitest);
  const r = await outcome(
    run('npx', ['vitest', 'run', 'conformance.vitest'], { cwd: dir, env, maxBuffer: 32 << 20 }),
  );
  if (r.code !== 0) throw new Error(`vitest exited ${r.code}\n${r.out}`);
  expect(r.out).toMatch(/Tests\s+90 passed \| 1 skipped \(91\)/);
  const report = JSON.parse(readFileSync(path.join(dir, 'conformance-report.json'), 'utf8')) as {
    verdict: string;
  };
  expect(report.verdict).toBe('passed');
}, 300_000);

test('both examples type-check against the entry and Vitest with strict and skipLibCheck: false', async () => {
  const { jest, vitest } = docsExamples();
  writeFileSync(path.join(dir, 'conformance.jest.check.ts'), jest);
  writeFileSync(path.join(dir, 'conformance.vitest.check.ts'), vitest);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'preserve',
        moduleResolution: 'bundler',
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        lib: ['ES2022', 'DOM'],
      },
      files: ['conformance.jest.check.ts', 'conformance.vitest.check.ts'],
    }),
  );
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = await outcome(run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, env }));
  expect(r).toEqual({ code: 0, out: expect.any(String) as string });
}, 180_000);
