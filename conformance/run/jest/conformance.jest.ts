/// <reference types="jest" />
// The Jest shell of a run: one test per planned check (test.each over the registry's selection),
// executed by runJest.ts through jest's runCLI. The plan and the server under test come in
// through a run file named by TGA_CONFORMANCE_RUN; each test appends its structured result to the
// results file, which the CLI turns into the summary and reports.
import { appendFileSync, readFileSync } from 'node:fs';
import { registry } from '../../checks';
import type { PlanEntry } from '../plan';
import { runCheck } from '../runCheck';
import { createRunState } from '../runState';
import type { RunFile } from '../runJest';

const run = JSON.parse(readFileSync(process.env.TGA_CONFORMANCE_RUN ?? '', 'utf8')) as RunFile;
const state = createRunState(run.runId, run.seed, run.maxWrites);
state.faultLog = (change, id) => appendFileSync(run.faultsFile, `${change} ${id}\n`);
const entries: [string, PlanEntry][] = run.plan.map((p) => {
  const check = registry.get(p.name);
  if (!check) throw new Error(`unknown check ${p.name}`);
  return [p.name, { check, skip: p.skip, writes: p.writes }];
});
// Generous: a check sends at most a few hundred requests, each bounded by --timeout.
const timeout = Math.max(60_000, run.server.timeoutMs * 4);

describe('tga-conformance', () => {
  test.each(entries.filter(([, e]) => !e.skip))(
    '%s',
    async (_name, entry) => {
      const result = await runCheck(entry, run.server, state);
      appendFileSync(run.resultsFile, `${JSON.stringify(result)}\n`);
      if (result.verdict === 'failed') {
        throw new Error(result.failures.map((f) => `[${f.aspect}] ${f.message}`).join('\n'));
      }
    },
    timeout,
  );
  test.skip.each(entries.filter(([, e]) => e.skip))('%s', () => undefined);
});
