// Armed faults and which one fires. Each kind acts at one step of the decision: rate-limit at
// step 4, record-failure, server-error and reset at step 7, latency on every answer. At most
// MAX_ARMED_FAULTS are armed at once, so a runaway script cannot grow the store without bound. A fault's count is spent
// only when it fires, so a request rejected earlier, or for another app, leaves it armed.
import { seededRandom, type Random } from '../../schema/random';
import type { FaultKind, FaultSpec } from './faultSpec';

export interface Fault {
  id: string;
  kind: FaultKind;
  /** Firings left; null = until deleted (a probability fault armed without count). */
  count: number | null;
  probability?: number;
  seed?: number;
  app_name?: string;
  ms?: number;
  /** server-error only: the status answered. */
  status?: number;
}

/** How many faults may be armed at once; arming one more is refused until some fire or are removed. */
export const MAX_ARMED_FAULTS = 100;

export type ArmResult = { ok: true; fault: Fault } | { ok: false; message: string };

export type FaultStage = 'rate' | 'record' | 'latency';

const STAGE_KINDS: Record<FaultStage, readonly FaultKind[]> = {
  rate: ['rate-limit'],
  record: ['record-failure', 'server-error', 'reset'],
  latency: ['latency'],
};

export interface FaultStore {
  /** Arms a fault, or refuses when MAX_ARMED_FAULTS are armed already (the message names the cap). */
  arm(spec: FaultSpec): ArmResult;
  list(): Fault[];
  remove(id: string): boolean;
  clear(): void;
  /** The first armed fault of this stage that applies to the app and fires; spends one of its count. */
  take(stage: FaultStage, appName: string | undefined): Fault | undefined;
}

interface Armed {
  fault: Fault;
  random: Random;
}

export function createFaultStore(random: Random = Math.random): FaultStore {
  let armed: Armed[] = [];
  let nextId = 1;
  const snapshot = (f: Fault): Fault => ({ ...f });

  return {
    arm(spec) {
      if (armed.length >= MAX_ARMED_FAULTS)
        return {
          ok: false,
          message: `at most ${MAX_ARMED_FAULTS} faults may be armed at once: delete some first (DELETE /__mock/faults)`,
        };
      const count = spec.count ?? (spec.probability === undefined ? 1 : null);
      const fault: Fault = { id: `f${nextId++}`, ...spec, count };
      armed.push({ fault, random: spec.seed === undefined ? random : seededRandom(spec.seed) });
      return { ok: true, fault: snapshot(fault) };
    },
    list: () => armed.map((a) => snapshot(a.fault)),
    remove(id) {
      const before = armed.length;
      armed = armed.filter((a) => a.fault.id !== id);
      return armed.length < before;
    },
    clear() {
      armed = [];
    },
    take(stage, appName) {
      for (const a of armed) {
        const f = a.fault;
        if (!STAGE_KINDS[stage].includes(f.kind)) continue;
        if (f.app_name !== undefined && f.app_name !== appName) continue;
        if (f.probability !== undefined && !(a.random() < f.probability)) continue;
        const fired = snapshot(f);
        if (f.count !== null) {
          f.count -= 1;
          if (f.count === 0) armed = armed.filter((x) => x !== a);
        }
        return fired;
      }
      return undefined;
    },
  };
}
