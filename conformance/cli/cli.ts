#!/usr/bin/env node
// `tga-conformance` (and `npm run conformance`): the compiled entry point. Runs the checks under Jest.
import { runWithJest } from '../run/runJest';
import { runConformance } from './runConformance';

runConformance(
  process.argv.slice(2),
  process.env,
  { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
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
