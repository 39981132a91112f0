// A mock (and, given a mutant's name, a mutant proxy in front of it) in a process of its own, for
// tests whose own process blocks while a server must answer: defineConformanceTests probes the
// server synchronously (conformance/jest/). Prints one JSON line { url, mockUrl, token }, then
// serves until stdin ends or SIGTERM.
//
//   startMockProcess('origin not checked') → { url, mockUrl, token, stop() }
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startMock } from '../../mock-server';
import { startMutantProxy } from '../conformance-mutants/mutantProxy';
import { mutants } from '../conformance-mutants/mutants';

export interface MockProcess {
  /** The mutant proxy's URL when one was asked for, else the mock's. */
  url: string;
  mockUrl: string;
  token: string;
  stop(): Promise<void>;
}

export function startMockProcess(mutant?: string): Promise<MockProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', __filename, ...(mutant ? [mutant] : [])],
    { cwd: path.resolve(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      const started = JSON.parse(out.slice(0, out.indexOf('\n'))) as Omit<MockProcess, 'stop'>;
      resolve({ ...started, stop: () => (child.stdin.end(), exited) });
    });
    child.once('exit', (code) => reject(new Error(`the mock process exited ${code}: ${out}`)));
  });
}

async function main(mutant: string | undefined) {
  const mock = await startMock({ logLevel: 'silent' });
  const found = mutant ? mutants(mock.token()).find((m) => m.name === mutant) : undefined;
  if (mutant && !found) throw new Error(`no mutant "${mutant}"`);
  const proxy = found ? await startMutantProxy(mock.url, found.mutation) : undefined;
  process.stdout.write(
    `${JSON.stringify({ url: proxy?.url ?? mock.url, mockUrl: mock.url, token: mock.token() })}\n`,
  );
  const stop = async () => {
    await proxy?.close();
    await mock.close();
  };
  process.stdin.resume();
  process.stdin.once('end', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) void main(process.argv[2]);
