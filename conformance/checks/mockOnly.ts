// Checks that need the mock's control API: the two documented responses a client cannot provoke
// on its own ("Failed to record", 429) via injected faults, and what was actually stored.
import { mockOnly, type Check } from './check';
import type { CheckContext } from '../run/checkContext';
import { expectBatchNotStored, journalOfRun, multisetMinus } from './journal';

/**
 * Arms a one-shot fault for the token's app, runs `body`, and disarms that fault in a `finally`:
 * whether the check passes, fails, is skipped (budget), throws or times out, the target is left
 * as it was found. The run's fault log hears of both, so an interrupted run can disarm it too.
 */
async function withFault(ctx: CheckContext, kind: string, body: () => Promise<void>): Promise<void> {
  const res = await ctx.control.armFault({ kind, count: 1, app_name: ctx.server.app.app_name });
  const id = (res.json as { id?: unknown } | undefined)?.id;
  if (res.status !== 201 || typeof id !== 'string')
    throw new Error(`POST /__mock/faults answered ${res.status} ${JSON.stringify(res.json)}`);
  ctx.state.faultLog?.('armed', id);
  try {
    await body();
  } finally {
    // 204 when it was still armed, 404 when it fired: both leave nothing behind. A failure here
    // must not hide the check's own outcome; the fault stays in the log for an interrupt to retry.
    try {
      await ctx.control.disarmFault(id);
      ctx.state.faultLog?.('disarmed', id);
    } catch (error) {
      ctx.note(`could not disarm fault ${id}: ${(error as Error).message}`);
    }
  }
}

export const mockChecks: Check[] = [
  {
    name: 'mock.record-failure',
    title: 'a record-failure fault answers 400 "Failed to record" and stores nothing',
    covers: ['RECORD_FAILED'],
    writes: 0,
    sends: 1,
    applies: mockOnly,
    async run(ctx) {
      await withFault(ctx, 'record-failure', async () => {
        await ctx.expectPost(
          { label: 'valid event, record-failure armed', body: [ctx.event()] },
          'RECORD_FAILED',
        );
      });
      const stored = await journalOfRun(ctx, ctx.name);
      if (stored.length)
        ctx.fail({
          aspect: 'journal',
          message: 'the failed event was stored',
          expected: 0,
          got: stored.length,
        });
    },
  },
  {
    name: 'mock.rate-limit-fault',
    title: 'a rate-limit fault answers 429 "Too many requests. Try again later."',
    covers: ['RATE_LIMITED'],
    writes: 0,
    sends: 1,
    applies: mockOnly,
    async run(ctx) {
      await withFault(ctx, 'rate-limit', async () => {
        await ctx.expectPost({ label: 'valid event, rate-limit armed', body: [ctx.event()] }, 'RATE_LIMITED');
      });
    },
  },
  {
    name: 'mock.rejected-batch-records-nothing',
    title: 'a batch with one bad event is rejected whole: nothing of it is stored',
    covers: ['VALIDATION'],
    writes: 0,
    sends: 3,
    applies: mockOnly,
    async run(ctx) {
      const { user_id: _gone, ...bad } = ctx.event({ event_name: 'app-hide' });
      const body = [ctx.event(), ctx.event({ event_name: 'custom-event' }), bad];
      await ctx.expectPost({ label: 'batch [valid, valid, missing user_id]', body }, 'VALIDATION');
      await expectBatchNotStored(ctx);
    },
  },
  {
    name: 'mock.journal-matches-acknowledged',
    title: 'the journal holds exactly the events acknowledged with 2xx during this run',
    covers: ['RECORDED'],
    writes: 2,
    applies: mockOnly,
    async run(ctx) {
      const body = [ctx.event({ event_name: 'custom-event' }), ctx.event({ event_name: 'app-hide' })];
      await ctx.expectPost({ label: 'batch of 2 valid events', body }, 'RECORDED');
      const stored = await journalOfRun(ctx);
      const unacknowledged = multisetMinus(stored, ctx.state.acknowledged);
      const missing = multisetMinus(ctx.state.acknowledged, stored);
      if (unacknowledged.length) {
        ctx.fail({
          aspect: 'journal',
          message: 'stored but never acknowledged',
          expected: [],
          got: unacknowledged,
        });
      }
      if (missing.length)
        ctx.fail({ aspect: 'journal', message: 'acknowledged but not stored', expected: [], got: missing });
      ctx.note(
        `${stored.length} events of this run in the journal, ${ctx.state.acknowledged.length} acknowledged`,
      );
    },
  },
];
