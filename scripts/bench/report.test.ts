import {
  combine,
  formatTable,
  medianBy,
  ratio,
  row,
  summaryTables,
  type Measured,
  type Round,
} from './report';

const round = (over: Partial<Round>): Round => ({
  reqPerSec: 1000,
  requests: 1000,
  serverCpuMicros: 200_000,
  loadCpuMicros: 100_000,
  wallMicros: 1_000_000,
  p50: 5,
  p99: 20,
  expectedShare: 1,
  ...over,
});

const measured = (reqPerSec: number, cpuUsPerRequest: number | null): Measured => ({
  reqPerSec,
  cpuUsPerRequest,
  p50: 1,
  p99: 2,
  expectedShare: 1,
  serverCores: 1,
  loadCores: 0.5,
  rounds: [reqPerSec],
});

test('medianBy takes the middle element (the upper one of an even count) and refuses nothing', () => {
  expect(medianBy([3, 1, 2], (x) => x)).toBe(2);
  expect(medianBy([4, 1, 3, 2], (x) => x)).toBe(3);
  expect(() => medianBy([], (x: number) => x)).toThrow();
});

test('combine: req/s and latency from the median round, CPU per request pooled over all rounds', () => {
  const m = combine([
    round({ reqPerSec: 900, p99: 90, requests: 900, serverCpuMicros: 270_000 }),
    round({ reqPerSec: 3000, p99: 30, requests: 3000, serverCpuMicros: 300_000 }),
    round({ reqPerSec: 1000, p99: 10, requests: 1000, serverCpuMicros: 230_000 }),
  ]);
  expect(m.reqPerSec).toBe(1000);
  expect(m.p99).toBe(10);
  expect(m.cpuUsPerRequest).toBeCloseTo(800_000 / 4900);
  expect(m.serverCores).toBeCloseTo(0.8 / 3);
  expect(m.loadCores).toBeCloseTo(0.1);
  expect(m.rounds).toEqual([900, 3000, 1000]);
  expect(combine([round({ requests: 0 })]).cpuUsPerRequest).toBeNull();
});

test('ratio is null rather than 0 or Infinity when a side is missing', () => {
  expect(ratio(3, 2)).toBe(1.5);
  expect(ratio(3, 0)).toBeNull();
  expect(ratio(null, 2)).toBeNull();
  expect(ratio(2, null)).toBeNull();
});

test('row: both ratios read >= 1 when the mock is faster and cheaper, < 1 when it is slower and dearer', () => {
  const better = row('s', measured(2000, 100), {
    'express floor': measured(1000, 200),
    'node:http floor': measured(4000, 50),
  });
  expect(better.throughput).toEqual({ 'express floor': 2, 'node:http floor': 0.5 });
  expect(better.cpu).toEqual({ 'express floor': 2, 'node:http floor': 0.5 });
  const noCpu = row('s', measured(1000, null), {
    'express floor': measured(1000, 200),
    'node:http floor': measured(1000, 50),
  });
  expect(noCpu.cpu['express floor']).toBeNull();
});

test('formatTable pads each column to its widest cell, the first left, the rest right', () => {
  expect(
    formatTable(
      ['a', 'bb', 'c'],
      [
        ['long name', '1', '22'],
        ['x', '333', '4'],
      ],
    ),
  ).toEqual(['a           bb   c', 'long name    1  22', 'x          333   4']);
});

test('summaryTables states how each ratio is oriented and shows – for a missing value', () => {
  const lines = summaryTables([
    row('batch of 20', measured(3000, null), {
      'express floor': measured(4000, 250),
      'node:http floor': measured(20000, 25),
    }),
  ]);
  expect(lines[0]).toMatch(/mock ÷ floor: >= 1\.00 means the mock is at least as fast/);
  expect(lines.find((l) => l.startsWith('Server CPU'))).toMatch(
    /floor ÷ mock: >= 1\.00 means the mock is at least as cheap/,
  );
  const throughputRow = lines[2].split(/\s{2,}/);
  expect(throughputRow).toEqual(['batch of 20', '3000', '4000', '20000', '0.75', '0.15']);
  const cpuRow = lines.at(-1)!.split(/\s{2,}/);
  expect(cpuRow).toEqual(['batch of 20', '–', '250', '25', '–', '–']);
});
