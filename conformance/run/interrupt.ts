// Leaving the target as it was found when a run is interrupted (SIGINT, SIGTERM): every fault a
// check arms is logged (armed / disarmed), and the signal handler of the command (cli.ts) disarms
// the ones still armed before the process exits. A check's own `finally` covers every other end.
import { createControlClient } from './controlClient';
import type { ServerUnderTest } from './types';

let cleanup: (() => Promise<void>) | null = null;

/** The run in progress registers what to undo when interrupted; null when it is over. */
export function setInterruptCleanup(fn: (() => Promise<void>) | null): void {
  cleanup = fn;
}

/** Runs the registered cleanup once (later calls do nothing). */
export async function runInterruptCleanup(): Promise<void> {
  const fn = cleanup;
  cleanup = null;
  if (fn) await fn();
}

/** The ids a fault log (`armed <id>` / `disarmed <id>` lines) leaves armed. */
export function armedFaults(log: string): string[] {
  const armed = new Set<string>();
  for (const line of log.split('\n')) {
    const [change, id] = line.trim().split(' ');
    if (!id) continue;
    if (change === 'armed') armed.add(id);
    else armed.delete(id);
  }
  return [...armed];
}

/** Disarms every fault the log leaves armed (best effort: the run is ending anyway). */
export async function disarmLeftFaults(server: ServerUnderTest, log: string): Promise<void> {
  const control = createControlClient(server);
  for (const id of armedFaults(log)) {
    await control.disarmFault(id, Math.min(server.timeoutMs, 2000)).catch(() => undefined);
  }
}
