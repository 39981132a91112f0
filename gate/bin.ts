#!/usr/bin/env node
// `tga-schema-gate`: the breaking-change gate as the contract package's command (compiled into
// dist/gate/, no ts-node). The same code as `npm run schema:check-breaking` (cli.ts), under its
// installed name.
import { run } from './cli';

process.exitCode = run(
  process.argv.slice(2),
  { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  'tga-schema-gate',
);
