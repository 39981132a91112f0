// The preload every bench server runs with: it answers a CPU query over IPC, ignores other
// messages, and takes its server down when the bench goes away.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type { CpuAnswer } from './cpu-probe';

let dir: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tga-cpu-probe-'));
  const source = readFileSync(path.join(__dirname, 'cpu-probe.ts'), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(path.join(dir, 'cpu-probe.js'), js);
  // A stand-in server: it would run for a minute, busy for a moment first so its CPU time is > 0.
  writeFileSync(
    path.join(dir, 'server.js'),
    'const t = Date.now(); while (Date.now() - t < 20); setTimeout(() => {}, 60_000);\n',
  );
});

afterAll(() => {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null)
    process.kill(child.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('answers a CPU query with its own process.cpuUsage(), ignores other messages, exits when the bench disconnects', async () => {
  child = fork(path.join(dir, 'server.js'), [], {
    execArgv: ['--require', path.join(dir, 'cpu-probe.js')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const answers: CpuAnswer[] = [];
  child.on('message', (m: CpuAnswer) => answers.push(m));
  child.send({ type: 'something else', id: 1 });
  child.send({ type: 'tga-bench-cpu', id: 2 });
  while (answers.length === 0) await once(child, 'message');
  expect(answers).toHaveLength(1);
  expect(answers[0]).toMatchObject({ type: 'tga-bench-cpu', id: 2 });
  expect(answers[0].user + answers[0].system).toBeGreaterThan(0);

  const exited = once(child, 'exit');
  child.disconnect();
  expect(await exited).toEqual([0, null]);
});
