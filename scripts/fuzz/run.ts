// npm run fuzz: the long fuzz run (default 10,000 requests) of the property in
// mock-server/robustness/fuzzProperty.ts against an in-process mock on 127.0.0.1. Reports the
// count, the answers seen and any failure with its seed and shrunk counterexample; exit 1 on failure.
//
//   npm run fuzz -- [--runs N] [--seed S]
import fc from 'fast-check';
import { startMock } from '../../mock-server';
import { int, number, option, type CliSpec } from '../../cli-kit';
import { scriptOptions } from '../scriptCli';
import { checkOne, closeAgent, requestArbitrary } from './fuzzProperty';

export const FUZZ_CLI = {
  name: 'npm run fuzz --',
  synopsis: ['[options]'],
  summary: 'Fuzzed requests against an in-process mock on 127.0.0.1.',
  table: [
    option({
      key: 'runs',
      valueName: 'N',
      default: 10_000,
      parse: int(1, 1_000_000),
      help: 'requests to send',
    }),
    option({
      key: 'seed',
      valueName: 'N',
      defaultText: 'random, printed',
      parse: number(
        (n) => Number.isSafeInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
        'an integer from -2147483648 to 2147483647',
      ),
      help: 'fast-check seed, to replay a run',
    }),
  ],
} satisfies CliSpec;

async function main(): Promise<number> {
  const args = scriptOptions(FUZZ_CLI);
  const mock = await startMock({ rateLimit: 0 });
  const target = { url: mock.url, token: mock.token() };
  const reasons = new Map<string, number>();
  let sent = 0;
  const t0 = Date.now();
  try {
    const result = await fc.check(
      fc.asyncProperty(requestArbitrary(target.token), async (req) => {
        const { answer, violation } = await checkOne(target, req);
        sent++;
        reasons.set(
          `${answer.status} ${answer.reason}`,
          (reasons.get(`${answer.status} ${answer.reason}`) ?? 0) + 1,
        );
        if (sent % 2000 === 0) console.log(`  ${sent} requests…`);
        return violation === undefined;
      }),
      { numRuns: args.runs, seed: args.seed },
    );
    const secs = (Date.now() - t0) / 1000;
    console.log(`fuzz: ${sent} requests in ${secs.toFixed(1)} s (seed ${result.seed}) against ${mock.url}`);
    for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(6)}  ${k}`);
    if (result.failed) {
      console.log(`FAIL after ${result.numRuns} runs: ${fc.defaultReportMessage(result)}`);
      return 1;
    }
    console.log(`fuzz: PASS — ${result.numRuns} runs, 0 failures`);
    return 0;
  } finally {
    closeAgent();
    await mock.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
