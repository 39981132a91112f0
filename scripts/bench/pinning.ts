// Where the benchmark runs what: the servers on one core, the load generator (the bench process,
// which runs autocannon) on another, so the load generator does not eat the server's CPU and
// req/s measures the server rather than the machine. Linux only, through `taskset` (util-linux).
// The planning is pure (tested); detection and the taskset calls are the thin part around it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** "0-3,6,8-9" (the kernel's and taskset's CPU list format) → [0, 1, 2, 3, 6, 8, 9]; undefined if malformed. */
export function parseCpuList(text: string): number[] | undefined {
  const out: number[] = [];
  for (const part of text.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (to < from || to - from > 4096) return undefined;
    for (let c = from; c <= to; c++) out.push(c);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

export interface PinInputs {
  /** `--pin`: auto pins when it can, off never does. */
  mode: 'auto' | 'off';
  /** Whether `taskset` ran. */
  taskset: boolean;
  /** The CPUs this process may run on (its affinity list), when known. */
  allowed: number[] | undefined;
  /** os.availableParallelism(): what Node sees as usable. */
  parallelism: number;
}

export type PinPlan =
  { pinned: true; serverCpu: number; loadCpu: number; summary: string } | { pinned: false; summary: string };

export function unpinned(why: string): PinPlan {
  return {
    pinned: false,
    summary: `NOT pinned (${why}): the servers and the load generator share CPUs, so req/s measures the machine more than the server; read the CPU µs/req columns`,
  };
}

/** The first two CPUs this process may use: the servers on the first, the load generator on the second. */
export function planPinning(inputs: PinInputs): PinPlan {
  if (inputs.mode === 'off') return unpinned('--pin off');
  const cores = inputs.allowed?.length ?? inputs.parallelism;
  if (cores < 2)
    return unpinned(`only ${cores} core available, nothing to keep the load generator off the server's`);
  if (!inputs.taskset) return unpinned('taskset (util-linux) not found');
  if (!inputs.allowed) return unpinned("this process's CPU affinity list is unreadable");
  const [serverCpu, loadCpu] = inputs.allowed;
  return {
    pinned: true,
    serverCpu,
    loadCpu,
    summary: `pinned: each server on CPU ${serverCpu}, the load generator (this process) on CPU ${loadCpu}, with taskset`,
  };
}

/** The command that starts `node <nodeArgs>` for a server: under `taskset -c CPU` when pinned. */
export function serverCommand(
  plan: PinPlan,
  nodeArgs: string[],
  node = process.execPath,
): { file: string; args: string[] } {
  return plan.pinned
    ? { file: 'taskset', args: ['-c', String(plan.serverCpu), node, ...nodeArgs] }
    : { file: node, args: nodeArgs };
}

/** This process's affinity list, from /proc/self/status (Linux); undefined elsewhere. */
function allowedCpus(): number[] | undefined {
  try {
    const m = /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? parseCpuList(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function tasksetRuns(): boolean {
  const r = spawnSync('taskset', ['--version'], { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

export interface Machine {
  /** Cores the machine has (os.cpus()). */
  cores: number;
  /** Cores this process may use (os.availableParallelism()). */
  parallelism: number;
  allowed: number[] | undefined;
  taskset: boolean;
}

export function detectMachine(): Machine {
  return {
    cores: os.cpus().length,
    parallelism: os.availableParallelism(),
    allowed: allowedCpus(),
    taskset: tasksetRuns(),
  };
}

/**
 * Applies the plan to this process: every thread of it (autocannon runs here) onto the load
 * generator's CPU. A failure leaves the run unpinned, and the returned plan says so.
 */
export function pinSelf(plan: PinPlan): PinPlan {
  if (!plan.pinned) return plan;
  const r = spawnSync('taskset', ['-a', '-p', '-c', String(plan.loadCpu), String(process.pid)], {
    encoding: 'utf8',
    timeout: 5000,
  });
  if (r.status === 0) return plan;
  const why = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0];
  return unpinned(`taskset -p failed: ${why}`);
}
