// The real process: exit codes and SIGTERM (stop accepting, finish, flush the journal, exit 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { GOOD_JSON, token } from './test-support/fixtures';
import { listeningUrl } from './test-support/listeningUrl';
import { documentedResponse } from '../schema';

jest.setTimeout(60_000);
const CLI = path.join(__dirname, 'cli.ts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'tga-mock-proc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI, ...args], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

test('bad flags: exit code 2 and a message on stderr', async () => {
  const child = start(['--port', 'nope']);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  expect(await exited(child)).toBe(2);
  expect(err).toContain('--port must be an integer');
});

test('SIGTERM: finishes, flushes the journal file, exits 0', async () => {
  const file = path.join(dir, 'events.jsonl');
  const child = start([
    '--port',
    '0',
    '--secret',
    'fixture-secret',
    '--journal-file',
    file,
    '--log-level',
    'silent',
  ]);
  const url = await listeningUrl(child);
  // An in-flight request: the latency fault holds its answer. The fault is spent (and so leaves
  // the list) when the decision takes it, before the delay: then the request is in flight.
  expect((await request(url).post('/__mock/faults').send({ kind: 'latency', ms: 500 })).status).toBe(201);
  const inFlight = request(url)
    .post('/events')
    .set('TGA-Auth-Token', token())
    .set('Content-Type', 'application/json')
    .send(GOOD_JSON)
    .then((r) => r);
  for (let i = 0; i < 100; i++) {
    const { body } = await request(url).get('/__mock/faults');
    if (body.faults.length === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const exit = exited(child);
  child.kill('SIGTERM');
  const res = await inFlight;
  expect([res.status, res.body]).toEqual([201, documentedResponse('RECORDED').body]);
  expect(await exit).toBe(0);
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines.map((l) => JSON.parse(l).event)).toEqual(JSON.parse(GOOD_JSON));
});

test('`npm run mock`: the compiled mock, and killing npm stops it (no orphan holding the port)', async () => {
  // The user's command, as the README gives it (dist/ is built by `npm install`'s prepare step).
  const npm = spawn('npm', ['run', '-s', 'mock', '--', '--port', '0', '--log-level', 'silent'], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(npm);
  expect((await request(url).get('/__mock/health')).status).toBe(200);
  const npmExit = exited(npm);
  npm.kill('SIGTERM');
  await npmExit;
  // The mock notices its parent is gone within a second; give it a bounded while.
  let refused = false;
  for (let i = 0; i < 50 && !refused; i++) {
    await new Promise((r) => setTimeout(r, 100));
    refused = await request(url)
      .get('/__mock/health')
      .then(
        () => false,
        (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED',
      );
  }
  expect(refused).toBe(true);
});
