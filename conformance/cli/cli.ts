#!/usr/bin/env node
// `tga-conformance` (and `npm run conformance`): the compiled entry point. Runs the checks under Jest.
import { runInterruptCleanup } from '../run/interrupt';
import { runWithJest } from '../run/runJest';
import { runConformance } from './runConformance';

// Interrupted (Ctrl-C, a CI job cancelled): disarm the faults the run armed, then exit as a
// signalled process would (128 + the signal's number).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    process.stderr.write(`tga-conformance: ${signal}: stopping; disarming the faults this run armed\n`);
    void runInterruptCleanup().finally(() => process.exit(code));
  });
}

runConformance(
  process.argv.slice(2),
  process.env,
  {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  },
  runWithJest,
).then(
  (outcome) => {
    process.exitCode = outcome.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`tga-conformance: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
