// The plan, decided and printed before anything is sent: which checks run, which are skipped and
// why (not applicable to this target, or their writes would pass --max-writes).
import type { Check } from '../checks/check';
import { plural } from './plural';
import type { Skip } from './skipCodes';
import type { ServerUnderTest } from './types';

export interface PlanEntry {
  check: Check;
  /** Why the check will not run, or null. */
  skip: Skip | null;
  writes: number;
}

export interface Plan {
  entries: PlanEntry[];
  plannedWrites: number;
  maxWrites: number;
  /** Writes every applicable selected check needs together: the --max-writes that runs them all. */
  neededWrites: number;
}

export function planRun(checks: readonly Check[], server: ServerUnderTest, maxWrites: number): Plan {
  let planned = 0;
  const needed =
    checks.reduce((n, c) => n + (c.applies(server) === true ? c.writes : 0), 0) + REQUEST_HEADROOM;
  const entries = checks.map((check): PlanEntry => {
    const applies = check.applies(server);
    if (applies !== true) return { check, skip: applies, writes: 0 };
    if (planned + check.writes > maxWrites) {
      return {
        check,
        skip: {
          code: 'budget',
          message:
            `${BUDGET_SKIP} ${maxWrites} (needs ${plural(check.writes, 'more write')}, ${planned} planned); ` +
            `--max-writes ${needed} runs every selected check`,
        },
        writes: 0,
      };
    }
    planned += check.writes;
    return { check, skip: null, writes: check.writes };
  });
  return { entries, plannedWrites: planned, maxWrites, neededWrites: needed };
}

/**
 * Room a request a conforming server rejects still needs under the cap: its events are reserved
 * before it is sent (a lenient server might store them). The largest such request holds 3 events.
 */
export const REQUEST_HEADROOM = 3;

/** How a skip for the write budget begins (plan time); for people only, the code decides. */
const BUDGET_SKIP = 'would pass --max-writes';

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** An --origin whose host is not the token's domain makes every request a 403: say so up front. */
function originWarning(server: ServerUnderTest): string {
  const origin = hostOf(server.origin);
  const domain = server.app.app_domain;
  // An opaque token names no domain: --origin is the user's word for it.
  if (domain === undefined) return '';
  return origin !== null && origin === hostOf(domain)
    ? ''
    : `\n              warning: the Origin's host is not the token's app_domain host; expect 403 answers`;
}

function appLine(server: ServerUnderTest): string {
  if (server.tokenFormat === 'opaque') {
    const invalid = server.invalidToken
      ? 'the invalid one is --invalid-token'
      : 'no --invalid-token: response.token-invalid skipped';
    return `${server.app.app_name}  (--app-name: the token is opaque, ${invalid}; Origin sent: ${server.origin})`;
  }
  return `${server.app.app_name}  (token app_domain ${server.app.app_domain}, Origin sent: ${server.origin})${originWarning(server)}`;
}

function targetKind(server: ServerUnderTest): string {
  if (server.mock) return `mock ${server.mock.version}`;
  if (server.mockLocked && server.adminToken)
    return 'a mock that refused the given --admin-token (403): mock-only checks skipped';
  if (server.mockLocked)
    return 'a mock that needs --admin-token (its control API answered 403): mock-only checks skipped';
  return 'not a mock: mock-only checks skipped';
}

export function formatPlan(
  plan: Plan,
  server: ServerUnderTest,
  meta: { runId: string; seed: number },
): string {
  const running = plan.entries.filter((e) => !e.skip);
  const skipped = plan.entries.filter((e) => e.skip);
  const lines = [
    `tga-conformance plan`,
    `  target      ${server.baseUrl}/events  (${targetKind(server)})`,
    `  app         ${appLine(server)}`,
    `  run id      ${meta.runId}  (custom_data.conformance_run of every event sent)`,
    `  seed        ${meta.seed}  (--seed ${meta.seed} reproduces the generated events)`,
    `  writes      at most ${plural(plan.plannedWrites, 'event')} accepted by a conforming server (cap --max-writes ${plan.maxWrites})`,
    `  checks      ${running.length} to run, ${skipped.length} skipped`,
  ];
  for (const e of skipped) lines.push(`    skip ${e.check.name}: ${e.skip?.message}`);
  const overBudget = skipped.filter((e) => e.skip?.code === 'budget');
  if (overBudget.length) {
    lines.push(
      `  budget      ${plural(overBudget.length, 'check')} ${overBudget.length === 1 ? 'does' : 'do'} not fit --max-writes ${plan.maxWrites}: ` +
        `${overBudget.map((e) => e.check.name).join(', ')}; --max-writes ${plan.neededWrites} runs them`,
    );
  }
  return lines.join('\n');
}
