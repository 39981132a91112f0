// Runs a plan in this process, one check after another (checks share the write budget and the
// ledger of acknowledged events, and a server under test should see one request at a time).
// The Jest shell (jest/conformance.jest.ts) runs the same runCheck per test; the project's own
// tests call this directly to avoid starting Jest inside Jest.
import type { RunState } from './runState';
import type { Plan } from './plan';
import { runCheck } from './runCheck';
import type { CheckResult, ServerUnderTest } from './types';

export async function runChecks(
  plan: Plan,
  server: ServerUnderTest,
  state: RunState,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const entry of plan.entries) results.push(await runCheck(entry, server, state));
  return results;
}
