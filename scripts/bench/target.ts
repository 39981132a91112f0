// A server under test, in a child process of its own (so the load generator does not share its
// event loop): spawned — under `taskset` when the run is pinned —, waited for, measured from
// process start to its first 201, asked for its CPU time over IPC, stopped by PID. Every server
// started here is remembered until it has exited, so an interrupted run can stop them all.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { CpuAnswer, CpuQuery } from './cpu-probe';
import { serverCommand, type PinPlan } from './pinning';

export interface TargetSpec {
  name: string;
  /** node arguments: script path and flags; the script prints its URL on stdout. */
  args: string[];
}

export interface RunningTarget {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 201 answered to `probe`. */
  startupMs: number;
  /** CPU time (user + system, µs) the server process has used so far, as it reports it itself. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

export interface Probe {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface StartOptions {
  /** Where the server runs; unpinned when absent. */
  plan?: PinPlan;
  timeoutMs?: number;
}

const CPU_PROBE = path.join(__dirname, 'cpu-probe.js');
const URL_RE = /https?:\/\/127\.0\.0\.1:\d+/;
const live = new Set<ChildProcess>();

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`no URL printed within ${timeoutMs} ms: ${out}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = URL_RE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening: ${out}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** SIGTERM by PID, SIGKILL after 5 s; resolves once the process has exited. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/** Stops every server started here that is still running (on error, Ctrl-C or SIGTERM). */
export async function stopAllTargets(): Promise<void> {
  await Promise.all([...live].map(stopChild));
}

function cpuReader(child: ChildProcess, name: string): () => Promise<number> {
  let next = 0;
  return () =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`${name}: no CPU reading over IPC within 5 s`));
      }, 5000);
      const onMessage = (m: Partial<CpuAnswer>) => {
        if (m?.type !== 'tga-bench-cpu' || m.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m.user! + m.system!);
      };
      child.on('message', onMessage);
      const query: CpuQuery = { type: 'tga-bench-cpu', id };
      child.send(query);
    });
}

export async function startTarget(
  spec: TargetSpec,
  probe: Probe,
  { plan, timeoutMs = 15_000 }: StartOptions = {},
): Promise<RunningTarget> {
  const t0 = process.hrtime.bigint();
  const cmd = plan
    ? serverCommand(plan, ['--require', CPU_PROBE, ...spec.args])
    : { file: process.execPath, args: ['--require', CPU_PROBE, ...spec.args] };
  const child = spawn(cmd.file, cmd.args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  try {
    const url = await waitForUrl(child, timeoutMs);
    // First 201: retried at once on anything else, bounded by the timeout.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await fetch(url + probe.path, {
        method: 'POST',
        headers: probe.headers,
        body: probe.body,
      }).catch(() => undefined);
      if (res?.status === 201) break;
      if (Date.now() > deadline) throw new Error(`no 201 within ${timeoutMs} ms`);
    }
    const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
    child.stdout!.resume();
    return {
      url,
      pid: child.pid!,
      startupMs,
      cpuMicros: cpuReader(child, spec.name),
      stop: () => stopChild(child),
    };
  } catch (err) {
    await stopChild(child);
    throw new Error(`${spec.name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
