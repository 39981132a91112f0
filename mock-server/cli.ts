#!/usr/bin/env node
// tga-mock: the mock server's command line. See runCli for the commands; this file only binds
// them to the real process: output, exit codes and SIGINT/SIGTERM (stop accepting, let in-flight
// requests finish, flush the journal file, exit 0).
import { runCli } from './runCli';

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
}).then(
  (result) => {
    if (result.exit !== undefined) {
      process.exitCode = result.exit;
      return;
    }
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      result.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Started by `npm run mock`: npm signals its shell, not us, and a killed npm would leave the
    // mock orphaned, holding its port. So when our parent goes away (we are re-parented), stop too.
    // Only under npm: a mock started with nohup or & by hand is meant to outlive its shell.
    if (process.env.npm_lifecycle_event !== undefined) {
      const parent = process.ppid;
      const watch = setInterval(() => {
        if (process.ppid !== parent) stop();
      }, 500);
      watch.unref();
    }
  },
  (e: unknown) => {
    process.stderr.write(`tga-mock: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
