// The contract package alone, as a Mini App author installs it (test/support/packedPackage.ts): an
// empty project with only tga-contract's tarball. No test runner comes with it, and it stays small
// (measured and printed); a stack trace from it names sources that are there (the maps carry
// them); `tga-schema-gate` compares two schema folders outside any repository; and, with the
// optional peers installed, files importing every entry point type-check with `strict` and
// `skipLibCheck: false` (TypeScript 5.4 or later: the option types use NoInfer and const type
// parameters). This project's install is its own: the shared bare install gets other packages.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cleanEnv as env,
  installPacked,
  packedTarball,
  ROOT,
  run,
  type Packed,
} from '../support/packedPackage';

let packed: Packed;
let dir: string;

beforeAll(async () => {
  packed = await packedTarball('tga-contract-packed-');
  dir = await installPacked(packed, 'packed-contract-consumer');
}, 300_000);

afterAll(() => packed?.cleanup());

/** Every package folder under node_modules (scoped ones as `@scope/name`), nested ones included. */
function packagesUnder(modules: string): string[] {
  if (!existsSync(modules)) return [];
  return readdirSync(modules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const names = name.startsWith('@')
      ? readdirSync(path.join(modules, name)).map((n) => `${name}/${n}`)
      : [name];
    return names.flatMap((n) => [n, ...packagesUnder(path.join(modules, n, 'node_modules'))]);
  });
}

/** Bytes of the files below `dir` (as `du --apparent-size` counts) and of the blocks they take. */
function sizeOf(dir: string): { bytes: number; blocks: number } {
  let bytes = 0;
  let blocks = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const st = lstatSync(full);
    blocks += st.blocks * 512;
    if (entry.isDirectory()) {
      const inner = sizeOf(full);
      bytes += inner.bytes;
      blocks += inner.blocks;
    } else bytes += st.size;
  }
  return { bytes, blocks };
}

describe('only the contract tarball installed', () => {
  test('no jest, Babel or fast-check in node_modules, no jest command, at most 15 MB', () => {
    const modules = path.join(dir, 'node_modules');
    const installed = packagesUnder(modules);
    expect(installed).toContain('tga-contract');
    expect(
      installed.filter((p) => /^(jest|jest-.*|@jest\/.*|@babel\/.*|babel-.*|fast-check)$/.test(p)),
    ).toEqual([]);
    const bin = readdirSync(path.join(modules, '.bin'));
    expect(bin).toEqual(expect.arrayContaining(['tga-mock', 'tga-schema-gate']));
    expect(bin).not.toContain('jest');
    expect(bin).not.toContain('tga-conformance');
    const { bytes, blocks } = sizeOf(modules);
    const mb = (n: number) => (n / 1e6).toFixed(1);
    process.stdout.write(
      `contract-only node_modules: ${installed.length} packages, ${mb(bytes)} MB of files, ${mb(blocks)} MB on disk\n`,
    );
    expect(bytes).toBeLessThanOrEqual(15e6);
  });

  test('the tarball holds only what a user runs, the gate command included', () => {
    expect(packed.files).toEqual(expect.arrayContaining(['dist/gate/bin.js', 'dist/mock-server/cli.js']));
    expect(packed.files.some((f) => f.startsWith('dist/conformance/'))).toBe(false);
  });

  test('a stack trace from the package names a file:line whose source its map carries', async () => {
    // An option the mock refuses: the error is thrown inside the package.
    const script = "require('tga-contract').startMock({ port: 'abc' }).catch((e) => console.log(e.stack))";
    const { stdout } = await run(process.execPath, ['--enable-source-maps', '-e', script], { cwd: dir, env });
    const frame = /\((\/[^():]+\/node_modules\/tga-contract\/([^():]+\.ts)):(\d+):\d+\)/.exec(stdout);
    if (!frame) throw new Error(`no frame in the package's sources:\n${stdout}`);
    const [, file, rel, line] = frame;
    // The .ts file itself is not shipped; its map (beside the compiled file) carries its text.
    const pkgRoot = path.join(dir, 'node_modules', 'tga-contract');
    const map = path.join(pkgRoot, 'dist', rel.replace(/\.ts$/, '.js.map'));
    const { sources, sourcesContent } = JSON.parse(readFileSync(map, 'utf8')) as {
      sources: string[];
      sourcesContent?: string[];
    };
    const at = sources.findIndex((s) => path.resolve(path.dirname(map), s) === file);
    expect(at).toBeGreaterThanOrEqual(0);
    const text = sourcesContent?.[at]?.split('\n')[Number(line) - 1] ?? '';
    expect(text).toMatch(/throw|Error/);
  });

  test('npx tga-schema-gate compares two schema folders outside any repository', async () => {
    const schemaDir = path.join(ROOT, 'schema');
    const copy = (name: string, drop?: string) => {
      const to = path.join(dir, 'gate', name);
      mkdirSync(path.join(to, 'generated'), { recursive: true });
      for (const f of readdirSync(schemaDir).filter((x) => x.endsWith('.schema.json'))) {
        const json = JSON.parse(readFileSync(path.join(schemaDir, f), 'utf8')) as { enum?: string[] };
        if (drop && f === 'event-names.schema.json') json.enum = json.enum!.filter((n) => n !== drop);
        writeFileSync(path.join(to, f), JSON.stringify(json));
      }
      return to;
    };
    const [old, same, dropped] = [copy('old'), copy('same'), copy('dropped', 'app-hide')];
    const gate = (...args: string[]) =>
      run('npx', ['tga-schema-gate', ...args], { cwd: path.join(dir, 'gate'), env }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const pass = await gate('--old', old, '--new', same);
    expect([pass.code, pass.stdout]).toEqual([0, expect.stringContaining('PASS: no breaking change')]);
    const fail = await gate('--old', old, '--new', dropped, '--report-json', 'report.json');
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('enum-value-removed');
    const report = JSON.parse(readFileSync(path.join(dir, 'gate', 'report.json'), 'utf8')) as {
      verdict: string;
    };
    expect(report.verdict).toBe('fail');
  }, 120_000);
});

// The versions this repository tests with (its own node_modules), so the npm cache has them.
const version = (name: string) =>
  (
    JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

// One file per group of entry points; each group is checked in the project setups it is meant for.
const CORE = `import { createApp, startMock, type MockApp, type MockOptions, type RunningMock } from 'tga-contract';
import { createRequestValidator, documentedResponse, type ValidationResult } from 'tga-contract/schema';
import { createAjv } from 'tga-contract/schema/ajv';

export async function useCore(): Promise<ValidationResult> {
  const options: Partial<MockOptions> = { strict: true, rateLimit: 0 };
  const mock: RunningMock = await startMock(options);
  const app: MockApp = createApp(options);
  app.mock.reset();
  createAjv();
  await mock.close();
  return createRequestValidator().validate(documentedResponse('RECORDED').body);
}
`;
const PLAYWRIGHT = `import { routeToMock, telegramLaunchUrl, type RouteToMockOptions } from 'tga-contract/playwright';
import { expect, test } from 'tga-contract/playwright/test';

const route: RouteToMockOptions = {};
test('typed', async ({ page, mock }) => {
  await routeToMock(page, mock.url, route);
  await page.goto(telegramLaunchUrl('http://127.0.0.1:5173/'));
  expect(mock.events()).toEqual([]);
});
`;
const MSW = `import { setupServer } from 'msw/node';
import { createMswMock, type MswMock } from 'tga-contract/msw';

const mock: MswMock = createMswMock();
export const server = setupServer(...mock.handlers);
`;

/** tsc over `files` in `dir` with `strict`, `skipLibCheck: false` and the given options. */
async function typeCheck(name: string, files: string[], options: Record<string, unknown>): Promise<void> {
  const config = `tsconfig.${name}.json`;
  writeFileSync(
    path.join(dir, config),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', strict: true, skipLibCheck: false, noEmit: true, ...options },
      files,
    }),
  );
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', config], { cwd: dir, env, maxBuffer: 16 << 20 }).catch(
    (e: { stdout: string; stderr: string }) => {
      throw new Error(`tsc (${name}) found errors:\n${e.stdout}${e.stderr}`);
    },
  );
}

describe('with the optional peers installed', () => {
  beforeAll(async () => {
    const peers = ['msw', '@types/node', 'playwright-core', '@playwright/test'].map(
      (p) => `${p}@${version(p)}`,
    );
    await run('npm', ['install', '--prefer-offline', '--omit=dev', ...peers], {
      cwd: dir,
      env,
      maxBuffer: 32 << 20,
    });
  }, 300_000);

  test('every entry point type-checks with strict and skipLibCheck: false', async () => {
    writeFileSync(path.join(dir, 'core.ts'), CORE);
    writeFileSync(path.join(dir, 'playwright.ts'), PLAYWRIGHT);
    writeFileSync(path.join(dir, 'msw.ts'), MSW);
    writeFileSync(path.join(dir, 'msw.mts'), MSW);
    const node16 = { module: 'node16', moduleResolution: 'node16' };
    // A Node project, CommonJS, no DOM library: the mock and the schema need Node's types only.
    await typeCheck('node', ['core.ts'], { ...node16, lib: ['ES2022'] });
    // Playwright's and msw's own declarations name DOM types, so their users have the DOM library.
    await typeCheck('playwright', ['core.ts', 'playwright.ts'], { ...node16, lib: ['ES2022', 'DOM'] });
    // msw in an ES module of a Node project and in a Vite/Vitest project (bundler resolution): the
    // handlers fit the project's own `msw/node`. (In CommonJS under node16, msw 2.13+'s own
    // declarations fail to import the ES-module-only rettime, with or without this package.)
    await typeCheck('esm', ['msw.mts'], { ...node16, lib: ['ES2022', 'DOM'] });
    await typeCheck('bundler', ['core.ts', 'playwright.ts', 'msw.ts'], {
      module: 'preserve',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM'],
    });
  }, 240_000);
});
