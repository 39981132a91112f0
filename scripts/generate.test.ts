// The generator runs as a child process: json-schema-to-typescript formats with prettier 3, which
// loads its plugins with a dynamic import that Jest's module sandbox does not allow.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = path.join(__dirname, '..');
const GENERATED = [
  'event.strict.schema.json',
  'request.strict.schema.json',
  'types.ts',
  'validators.ts',
  'openapi.json',
];

async function generate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsNode = require.resolve('ts-node/dist/bin');
  const script = path.join(repo, 'scripts', 'generate.ts');
  return run(process.execPath, [tsNode, '--transpile-only', script, ...args], { cwd: repo }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => err,
  );
}

test('the committed generated files are up to date', async () => {
  const result = await generate('--check');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}, 60_000);

test.each(GENERATED)('%s carries the do-not-edit notice at the top', async (name) => {
  const head = (await fs.readFile(path.join(repo, 'schema', 'generated', name), 'utf8'))
    .split('\n', 2)
    .join('\n');
  expect(head.toLowerCase()).toContain('do not edit');
});

test('the Telegram stand-in is generated from its parts and says so at the top', async () => {
  const text = await fs.readFile(path.join(repo, 'mock-server', 'telegram', 'telegram-web-app.js'), 'utf8');
  expect(text.split('\n', 3).join('\n').toLowerCase()).toContain('do not edit');
  const parts = (await fs.readdir(path.join(repo, 'mock-server', 'telegram', 'src'))).sort();
  for (const part of parts) expect(text).toContain(`// --- mock-server/telegram/src/${part}\n`);
});

describe('on an edited copy of the schemas', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tga-generate-'));
    await fs.cp(path.join(repo, 'schema'), path.join(dir, 'schema'), { recursive: true });
    await fs.copyFile(path.join(repo, 'package.json'), path.join(dir, 'package.json'));
    await fs.cp(path.join(repo, 'mock-server', 'telegram'), path.join(dir, 'mock-server', 'telegram'), {
      recursive: true,
    });
    await fs.copyFile(path.join(repo, '.prettierrc.json'), path.join(dir, '.prettierrc.json'));
    // A part of the Telegram stand-in edited too: its joined file is stale as well.
    const part = path.join(dir, 'mock-server', 'telegram', 'src', 'events.js');
    await fs.appendFile(part, '// Edited without regenerating.\n');
    const file = path.join(dir, 'schema', 'event.schema.json');
    const schema = JSON.parse(await fs.readFile(file, 'utf8'));
    schema.properties.platform.description = 'Edited without regenerating.';
    await fs.writeFile(file, JSON.stringify(schema, null, 2));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test('check:generated fails with a readable diff naming the stale files', async () => {
    const result = await generate('--check', '--root', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('+   * Edited without regenerating.');
    expect(result.stderr).toContain('schema/generated/types.ts (committed)');
    expect(result.stderr).toContain('schema/generated/openapi.json (committed)');
    expect(result.stderr).toContain('mock-server/telegram/telegram-web-app.js (committed)');
    expect(result.stderr).toContain('+  // Edited without regenerating.');
    expect(result.stderr).toMatch(/Run `npm run generate`/);
  }, 60_000);

  test('generate then brings the copy up to date', async () => {
    expect((await generate('--root', dir)).code).toBe(0);
    expect((await generate('--check', '--root', dir)).code).toBe(0);
  }, 60_000);
});
