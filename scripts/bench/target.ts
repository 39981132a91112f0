// A server under test, in a child process of its own (so the load generator does not share its
// event loop): spawned, waited for, measured from process start to its first 201, stopped by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

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
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface Probe {
  path: string;
  headers: Record<string, string>;
  body: string;
}

// /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

const URL_RE = /https?:\/\/127\.0\.0\.1:\d+/;

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
  });
}

export async function startTarget(
  spec: TargetSpec,
  probe: Probe,
  timeoutMs = 15_000,
): Promise<RunningTarget> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, spec.args, { stdio: ['ignore', 'pipe', 'inherit'] });
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
    if (Date.now() > deadline) throw new Error(`${spec.name}: no 201 within ${timeoutMs} ms`);
  }
  const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
  child.stdout!.resume();
  return {
    url,
    pid: child.pid!,
    startupMs,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}
