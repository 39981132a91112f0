// Armed faults and which one fires. Each kind acts at one step of the decision: rate-limit at
// step 4, record-failure and reset at step 7, latency on every answer. A fault's count is spent
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
}

export type FaultStage = 'rate' | 'record' | 'latency';

const STAGE_KINDS: Record<FaultStage, readonly FaultKind[]> = {
  rate: ['rate-limit'],
  record: ['record-failure', 'reset'],
  latency: ['latency'],
};

export interface FaultStore {
  arm(spec: FaultSpec): Fault;
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
      const count = spec.count ?? (spec.probability === undefined ? 1 : null);
      const fault: Fault = { id: `f${nextId++}`, ...spec, count };
      armed.push({ fault, random: spec.seed === undefined ? random : seededRandom(spec.seed) });
      return snapshot(fault);
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
