// Every fenced example in the README and in docs/ is run or checked here, so none can drift from
// what the code does:
// - `ts`: a Jest example must be byte-for-byte the example test its page names (which Jest runs);
//   any other TypeScript example is run as it stands, `tga-contract` imports pointing at the source.
// - `sh`: each command must name an npm script or package bin that exists, with flags and TGA_*
//   variables its generated --help lists; `$(npm run -s token …)` is run for real, and each curl
//   line is sent to a running mock and must get the answer its comment shows (or a success).
//   `npm run mock` of the quick start is started for real.
// - `text`: output samples, shown not run; the gate's sample must name real rules.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { decodeToken, DEFAULT_OPTIONS, startMock, type RunningMock } from '../../mock-server';
import { RULES } from '../../gate/rules';
import { RELEASE_PACKAGES } from '../../scripts/release/packages';
import { codeBlocks, docPages, readPage, ROOT, section, type CodeBlock } from './markdown';
import {
  cliOfBin,
  cliOfScript,
  curlRequest,
  helpOf,
  parseShell,
  pkg,
  runCli,
  sourceOf,
  words,
  type CliSource,
  type SimpleCommand,
} from './shell';

jest.setTimeout(120_000);

/** What `npm run release` writes (scripts/release/): the only tarballs the docs may install. */
const RELEASE_TARBALLS = RELEASE_PACKAGES.map((p) => `${p.name}-${pkg.version}.tgz`);

const blocks: CodeBlock[] = docPages().flatMap((page) => codeBlocks(page, readPage(page)));
const where = (b: CodeBlock) => `${b.page}:${b.line}`;
const isJestExample = (b: CodeBlock) => /^\s*(test|it|describe|beforeAll|beforeEach)\(/m.test(b.code);

test('every fenced block is sh, ts or text (an output sample)', () => {
  expect(blocks.length).toBeGreaterThan(10);
  expect(blocks.filter((b) => !['sh', 'ts', 'text'].includes(b.lang)).map(where)).toEqual([]);
});

describe('TypeScript examples', () => {
  // `tga-contract` and its subpaths resolve, through package.json's exports, to the source.
  const entry = (spec: string): string | undefined => {
    if (spec !== pkg.name && !spec.startsWith(`${pkg.name}/`)) return undefined;
    const compiled = pkg.exports[`.${spec.slice(pkg.name.length)}`];
    const source = compiled === undefined ? undefined : sourceOf(compiled);
    if (!source) throw new Error(`${spec} is not an entry point of the package`);
    return path.join(ROOT, source);
  };

  const runner = (b: CodeBlock) => /`(test\/[\w./-]+\.test\.ts)` runs this example/.exec(b.after)?.[1];

  for (const b of blocks.filter((x) => x.lang === 'ts' && isJestExample(x) && runner(x) === undefined)) {
    test(`${where(b)} is the example test that runs it`, () => {
      const file = /`([\w./-]+\.test\.ts)` runs this example/.exec(b.after)?.[1];
      expect(file).toBeDefined();
      const text = readFileSync(path.join(ROOT, file!), 'utf8');
      const body = text.slice(text.indexOf('\nimport ') + 1).replace(/from '\.[^']*'/g, `from '${pkg.name}'`);
      expect(b.code).toBe(body);
    });
  }

  // A block whose page says "`test/…/x.test.ts` runs this example" is run there (e.g. in an installed
  // package with a browser): that test must exist and read the block out of this page.
  for (const b of blocks.filter((x) => x.lang === 'ts' && runner(x) !== undefined)) {
    test(`${where(b)} is run by the test its page names, read from this page`, () => {
      const text = readFileSync(path.join(ROOT, runner(b)!), 'utf8');
      expect(text).toContain(`'${b.page}'`);
    });
  }

  for (const b of blocks.filter((x) => x.lang === 'ts' && !isJestExample(x) && runner(x) === undefined)) {
    test(`${where(b)} runs`, () => {
      const js = ts.transpileModule(b.code, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
      }).outputText;
      const module = { exports: {} };
      // The example's own imports, resolved at run time: Jest's require transpiles the source.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const load = (spec: string): unknown => require(entry(spec) ?? spec);
      new Function('require', 'module', 'exports', js)(load, module, module.exports);
    });
  }
});

describe('shell examples', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  const DEFAULT_ORIGIN = `http://${DEFAULT_OPTIONS.host}:${DEFAULT_OPTIONS.port}`;
  // Only these scripts are run for real inside `$(…)`: they print and exit.
  const RUNNABLE = new Set(['token']);

  /** `npm run [-s] NAME [-- args]` → the script's name and its arguments. */
  function npmRun(w: string[]): { name: string; args: string[]; error?: string } {
    const rest = w.slice(2).filter((x) => x !== '-s' && x !== '--silent');
    const [name, ...after] = rest;
    if (after.length > 0 && after[0] !== '--') return { name, args: [], error: 'arguments must follow --' };
    return { name, args: after.slice(1) };
  }

  interface Checked {
    findings: string[];
    /** CLIs the block uses, for the TGA_* variables it exports. */
    clis: CliSource[];
    curls: { command: SimpleCommand; vars: Map<string, string> }[];
  }

  async function checkFlags(cli: CliSource | undefined, what: string, c: SimpleCommand, args: string[]) {
    if (!cli) return [`${what}: no CLI source found behind it`];
    const help = await helpOf(cli);
    const found: string[] = [];
    for (const a of args.filter((x) => x.startsWith('-'))) {
      const flag = a.split('=')[0];
      if (!help.flags.has(flag)) found.push(`${what}: ${flag} is not in its --help`);
    }
    for (const [name] of c.assigns.filter(([n]) => n.startsWith('TGA_')))
      if (!help.env.has(name)) found.push(`${what}: ${name} is not in its --help`);
    return found;
  }

  async function substitute(value: string, vars: Map<string, string>, out: Checked, line: number) {
    const inner = /^\$\((.*)\)$/s.exec(value)?.[1];
    if (inner === undefined) return value;
    const [c] = parseShell(inner, line);
    await checkCommand(c, vars, out);
    if (c.words[0] === 'npm' && c.words[1] === 'run') {
      const { name, args } = npmRun(c.words);
      if (RUNNABLE.has(name)) {
        const run = await runCli(cliOfScript(name)!, args);
        const printed = run.stdout.trim();
        if (run.code !== 0) out.findings.push(`line ${line}: ${inner} exited ${run.code}: ${run.stderr}`);
        else if (name === 'token') {
          const decoded = decodeToken(printed);
          const appName = args[args.indexOf('--app-name') + 1];
          if (!decoded.ok || decoded.token.claims.app_name !== appName)
            out.findings.push(`line ${line}: ${inner} printed ${printed}, not a token for ${appName}`);
        }
        return printed;
      }
    }
    return '<not run>';
  }

  async function checkCommand(c: SimpleCommand, vars: Map<string, string>, out: Checked): Promise<void> {
    const w = c.words;
    const at = `line ${c.line}: ${w.join(' ')}`;
    for (const [name, value] of c.assigns) vars.set(name, await substitute(value, vars, out, c.line));
    if (w.length === 0) return;
    if (w[0] === 'npm' && (w[1] === 'install' || w[1] === 'ci')) {
      const extra = w.slice(2);
      if (!(
        extra.length === 0 ||
        (w[1] === 'install' &&
          extra.every((t) => t.startsWith('./') && RELEASE_TARBALLS.includes(path.basename(t))))
      ))
        out.findings.push(
          `${at}: only a plain npm ${w[1]}, or npm install ./${RELEASE_TARBALLS.join(' ./')}`,
        );
    } else if (w[0] === 'npm' && w[1] === 'test') {
      if (w.length > 2 || pkg.scripts.test === undefined)
        out.findings.push(`${at}: npm test takes nothing here`);
    } else if (w[0] === 'npm' && w[1] === 'run') {
      const { name, args, error } = npmRun(w);
      if (error) out.findings.push(`${at}: ${error}`);
      if (pkg.scripts[name] === undefined) out.findings.push(`${at}: package.json has no script "${name}"`);
      else if (args.length > 0 || c.assigns.length > 0) {
        const cli = cliOfScript(name);
        out.findings.push(...(await checkFlags(cli, at, c, args)));
        if (cli) out.clis.push(cli);
      }
    } else if (w[0] === 'npx') {
      if (pkg.bin[w[1]] === undefined) out.findings.push(`${at}: the package has no bin "${w[1]}"`);
      else {
        const cli = cliOfBin(w[1]);
        out.findings.push(...(await checkFlags(cli, at, c, w.slice(2))));
        if (cli) out.clis.push(cli);
      }
    } else if (w[0] === 'curl') out.curls.push({ command: c, vars: new Map(vars) });
    else out.findings.push(`${at}: not a command the docs tests know how to check`);
  }

  async function replay({ command, vars }: Checked['curls'][number]): Promise<string[]> {
    const at = `line ${command.line}: curl`;
    const args: string[] = [];
    for (const a of command.words.slice(1)) {
      const unknown = [...a.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)]
        .map((m) => m[1])
        .filter((v) => !vars.has(v));
      if (unknown.length > 0) return [`${at}: $${unknown[0]} is set nowhere in the example`];
      args.push(a.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, v: string) => vars.get(v)!));
    }
    const parsed = curlRequest(args);
    if (!parsed.ok) return [`${at}: ${parsed.error}`];
    const { method, path: target, headers, body } = parsed.request;
    const url = args.find((a) => /^https?:\/\//.test(a))!;
    if (new URL(url).origin !== DEFAULT_ORIGIN)
      return [`${at}: ${url} is not the mock's default ${DEFAULT_ORIGIN}`];
    mock.reset();
    const res = await fetch(`${mock.url}${target}`, { method, headers, body });
    const text = await res.text();
    const shown = command.comments.join(' ');
    const found: string[] = [];
    const status = /HTTP\/[\d.]+ (\d{3})/.exec(shown)?.[1];
    if (status ? res.status !== Number(status) : res.status >= 400)
      found.push(`${at}: got ${res.status} ${text}, the example shows ${status ?? 'a success'}`);
    const reason = /TGA-Mock-Reason: ([A-Z_]+)/.exec(shown)?.[1];
    if (reason && res.headers.get('TGA-Mock-Reason') !== reason)
      found.push(`${at}: TGA-Mock-Reason ${res.headers.get('TGA-Mock-Reason')}, the example shows ${reason}`);
    const shownBody = /(\{.*\})\s*$/.exec(shown)?.[1];
    if (shownBody && JSON.stringify(JSON.parse(text)) !== JSON.stringify(JSON.parse(shownBody)))
      found.push(`${at}: body ${text}, the example shows ${shownBody}`);
    mock.reset();
    return found;
  }

  for (const b of blocks.filter((x) => x.lang === 'sh')) {
    test(`${where(b)}: every command exists with these flags, and every curl gets the answer shown`, async () => {
      const out: Checked = { findings: [], clis: [], curls: [] };
      const vars = new Map<string, string>();
      for (const c of parseShell(b.code, b.line + 1)) await checkCommand(c, vars, out);
      // An exported TGA_* variable must be one a command of the block reads.
      const env = new Set((await Promise.all(out.clis.map(helpOf))).flatMap((h) => [...h.env]));
      for (const name of [...vars.keys()].filter((n) => n.startsWith('TGA_') && !env.has(n)))
        out.findings.push(`${name} is read by no command of the block`);
      for (const tarball of b.code.match(/[\w.-]+\.tgz/g) ?? [])
        if (!RELEASE_TARBALLS.includes(tarball))
          out.findings.push(`${tarball} is not what npm run release writes`);
      for (const curl of out.curls) out.findings.push(...(await replay(curl)));
      expect(out.findings).toEqual([]);
    });
  }

  test('the quick start: `npm run mock` listens, prints a demo token and a curl line that records, stops on SIGTERM', async () => {
    const quick = codeBlocks('README.md', section(readPage('README.md'), 'Quick start'))[0];
    expect(parseShell(quick.code, 1).map((c) => c.words.join(' '))).toEqual([
      'npm install',
      'npm run mock',
      'npm test',
    ]);
    const cli = cliOfScript('mock')!;
    const child = spawn(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin.js'),
        '--transpile-only',
        cli.file,
        ...cli.args,
        '--port',
        '0',
        '--log-level',
        'silent',
      ],
      {
        cwd: ROOT,
        env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TGA_'))),
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      for (let i = 0; i < 300 && !/^\s*curl .*$/m.test(printed); i++)
        await new Promise((r) => setTimeout(r, 100));
      const url = /listening on (http:\/\/\S+)/.exec(printed)?.[1];
      expect(url).toBeDefined();
      const lines = printed.split('\n');
      const token = lines[lines.findIndex((l) => /demo token/i.test(l)) + 1]?.trim();
      const decoded = decodeToken(token);
      expect(decoded.ok && decoded.token.claims).toMatchObject({
        app_name: 'docs',
        app_domain: 'http://localhost',
      });
      const curl = curlRequest(words(lines.find((l) => /^\s*curl /.test(l))!).slice(1));
      if (!curl.ok) throw new Error(curl.error);
      const { method, path: target, headers, body } = curl.request;
      const res = await fetch(`${url}${target}`, { method, headers, body });
      expect([res.status, await res.json()]).toEqual([201, { message: 'Success record.' }]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

test("the gate's output samples name real rules, with their titles", () => {
  const samples = blocks.filter((b) => b.page === 'docs/breaking-gate.md' && b.lang === 'text');
  expect(samples.length).toBeGreaterThan(0);
  const rules = RULES as Record<string, { title: string }>;
  for (const b of samples) {
    const shown = [...b.code.matchAll(/^\s+[✗·] ([a-z-]+): (.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter(([id, title]) => rules[id]?.title !== title)).toEqual([]);
  }
});
