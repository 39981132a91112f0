// The plan of a defineConformanceTests call (index.ts), made in a child process so the caller can
// wait for it synchronously: Jest and Vitest collect a file's tests synchronously, and which checks
// run or are skipped depends on probing the server (is it the mock?). Reads the command line
// (argv as the CLI's) as JSON on stdin, prints the options, the probed server and the plan.
import { registry } from '../checks';
import { readConformanceCommand, type ConformanceOptions } from '../cli/options';
import { formatPlan, planRun } from '../run/plan';
import { probeTarget } from '../run/probeTarget';
import type { Skip } from '../run/skipCodes';
import type { ServerUnderTest } from '../run/types';

export type PlanAnswer =
  | { ok: false; error: string }
  | {
      ok: true;
      options: ConformanceOptions;
      server: ServerUnderTest;
      entries: { name: string; skip: Skip | null; writes: number }[];
      plannedWrites: number;
      neededWrites: number;
      text: string;
    };

async function plan(argv: string[]): Promise<PlanAnswer> {
  const command = readConformanceCommand(argv, process.env);
  if (command.kind === 'error') return { ok: false, error: command.error };
  if (command.kind !== 'run') return { ok: false, error: `${argv.join(' ')} asks for no run` };
  const options = command.options;
  const { selected, unknown } = registry.select(options.checks, options.skipChecks);
  if (unknown.length)
    return { ok: false, error: `no check matches ${unknown.map((u) => `"${u}"`).join(', ')}` };
  const probe = await probeTarget(options);
  if (!probe.ok) return { ok: false, error: probe.error };
  const p = planRun(selected, probe.server, options.maxWrites);
  return {
    ok: true,
    options,
    server: probe.server,
    entries: p.entries.map((e) => ({ name: e.check.name, skip: e.skip, writes: e.writes })),
    plannedWrites: p.plannedWrites,
    neededWrites: p.neededWrites,
    text: formatPlan(p, probe.server, { runId: options.runId, seed: options.seed }),
  };
}

if (require.main === module) {
  let input = '';
  process.stdin.on('data', (d: Buffer) => (input += d.toString()));
  process.stdin.on('end', () => {
    plan(JSON.parse(input) as string[]).then(
      (answer) => process.stdout.write(JSON.stringify(answer)),
      (error: unknown) => process.stdout.write(JSON.stringify({ ok: false, error: String(error) })),
    );
  });
}
