// The benchmark's arithmetic and tables, pure so they are tested: per-round summaries, the round
// that counts, pooled CPU per request, the ratios (oriented so that >= 1.00 always means "the mock
// is at least as good") and the aligned text tables the run prints.

/** One round of one target in one scenario. */
export interface Round {
  reqPerSec: number;
  /** Answers received in the round. */
  requests: number;
  /** CPU the server process used during the round, µs (user + system, all threads). */
  serverCpuMicros: number;
  /** CPU the load generator (this process) used during the round, µs. */
  loadCpuMicros: number;
  /** The round's wall time, µs. */
  wallMicros: number;
  p50: number;
  p99: number;
  /** Share of answers (transport errors included) with the status the target must give. */
  expectedShare: number;
}

export interface Measured {
  /** From the median round by req/s, as are p50/p99 and expectedShare. */
  reqPerSec: number;
  p50: number;
  p99: number;
  expectedShare: number;
  /** Server CPU per answered request over all rounds pooled: Σ CPU ÷ Σ answers. */
  cpuUsPerRequest: number | null;
  /** Server and load-generator CPU as a share of one core over all rounds (1 = a core fully busy). */
  serverCores: number;
  loadCores: number;
  rounds: number[];
}

/** The middle element by `key` (the upper one of an even count). */
export function medianBy<T>(xs: readonly T[], key: (x: T) => number): T {
  if (xs.length === 0) throw new Error('median of nothing');
  return [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)];
}

export function combine(rounds: readonly Round[]): Measured {
  const mid = medianBy(rounds, (r) => r.reqPerSec);
  const sum = (f: (r: Round) => number) => rounds.reduce((a, r) => a + f(r), 0);
  const requests = sum((r) => r.requests);
  const wall = sum((r) => r.wallMicros);
  return {
    reqPerSec: mid.reqPerSec,
    p50: mid.p50,
    p99: mid.p99,
    expectedShare: mid.expectedShare,
    cpuUsPerRequest: requests > 0 ? sum((r) => r.serverCpuMicros) / requests : null,
    serverCores: wall > 0 ? sum((r) => r.serverCpuMicros) / wall : 0,
    loadCores: wall > 0 ? sum((r) => r.loadCpuMicros) / wall : 0,
    rounds: rounds.map((r) => r.reqPerSec),
  };
}

/** a ÷ b, or null when either is missing or b is 0. */
export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

export const FLOORS = ['express floor', 'node:http floor'] as const;
export type Floor = (typeof FLOORS)[number];

export interface Row {
  scenario: string;
  mock: Measured;
  floors: Record<Floor, Measured>;
  /** mock req/s ÷ floor req/s: >= 1 means the mock answers at least as many requests per second. */
  throughput: Record<Floor, number | null>;
  /** floor CPU µs/req ÷ mock CPU µs/req: >= 1 means the mock spends at most as much CPU per request. */
  cpu: Record<Floor, number | null>;
}

export function row(scenario: string, mock: Measured, floors: Record<Floor, Measured>): Row {
  const per = (f: (floor: Measured) => number | null) =>
    Object.fromEntries(FLOORS.map((k) => [k, f(floors[k])])) as Record<Floor, number | null>;
  return {
    scenario,
    mock,
    floors,
    throughput: per((floor) => ratio(mock.reqPerSec, floor.reqPerSec)),
    cpu: per((floor) => ratio(floor.cpuUsPerRequest, mock.cpuUsPerRequest)),
  };
}

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const fixed = (n: number | null, digits: number) => (n === null ? '–' : n.toFixed(digits));

/** The two tables of the run's summary: throughput, then server CPU per request. */
export function summaryTables(rows: readonly Row[]): string[] {
  return [
    'req/s (median round). Ratio = mock ÷ floor: >= 1.00 means the mock is at least as fast.',
    ...formatTable(
      ['scenario', 'mock', 'express', 'node:http', 'mock÷express', 'mock÷node:http'],
      rows.map((r) => [
        r.scenario,
        fixed(r.mock.reqPerSec, 0),
        fixed(r.floors['express floor'].reqPerSec, 0),
        fixed(r.floors['node:http floor'].reqPerSec, 0),
        fixed(r.throughput['express floor'], 2),
        fixed(r.throughput['node:http floor'], 2),
      ]),
    ),
    '',
    'Server CPU µs per request (all rounds). Ratio = floor ÷ mock: >= 1.00 means the mock is at least as cheap.',
    ...formatTable(
      ['scenario', 'mock', 'express', 'node:http', 'express÷mock', 'node:http÷mock'],
      rows.map((r) => [
        r.scenario,
        fixed(r.mock.cpuUsPerRequest, 0),
        fixed(r.floors['express floor'].cpuUsPerRequest, 0),
        fixed(r.floors['node:http floor'].cpuUsPerRequest, 0),
        fixed(r.cpu['express floor'], 2),
        fixed(r.cpu['node:http floor'], 2),
      ]),
    ),
  ];
}
