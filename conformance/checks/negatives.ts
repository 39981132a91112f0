// Schema-driven negatives (one check per generated case, so a failure names the exact field) and
// the body-level negatives: each must be answered 400 VALIDATION_MISMATCH_REPORT.
import { schemas } from '../../schema';
import { always, type Check } from './check';
import type { CheckContext } from '../run/checkContext';
import { schemaNegatives } from '../generate/schemaNegatives';

function negative(name: string, title: string, send: (ctx: CheckContext) => Promise<unknown>): Check {
  return {
    name: `negative.${name}`,
    title,
    covers: ['VALIDATION'],
    writes: 0,
    applies: always,
    run: async (ctx) => {
      await send(ctx);
    },
  };
}

const generated: Check[] = schemaNegatives(schemas.event).map((n) =>
  negative(n.id, `${n.title}: 400 VALIDATION_MISMATCH_REPORT`, (ctx) =>
    ctx.expectPost({ label: n.title, body: [n.build(ctx.event())] }, 'VALIDATION'),
  ),
);

const bodyLevel: Check[] = [
  negative('body.not-json', 'a body that is not JSON: 400 VALIDATION_MISMATCH_REPORT', (ctx) =>
    ctx.expectPost(
      { label: 'body "event_name=app-init" (not JSON)', rawBody: 'event_name=app-init' },
      'VALIDATION',
    ),
  ),
  negative('body.empty-array', 'an empty array: 400 VALIDATION_MISMATCH_REPORT', (ctx) =>
    ctx.expectPost({ label: 'body []', body: [] }, 'VALIDATION'),
  ),
  negative(
    'body.not-an-event',
    'a JSON value that is neither an event nor an array: 400 VALIDATION_MISMATCH_REPORT',
    (ctx) => ctx.expectPost({ label: 'body "app-init" (a JSON string)', body: 'app-init' }, 'VALIDATION'),
  ),
  negative(
    'body.batch-one-bad',
    'a batch of a valid event and one missing user_id: 400 VALIDATION_MISMATCH_REPORT',
    (ctx) => {
      const { user_id: _gone, ...bad } = ctx.event();
      return ctx.expectPost(
        { label: 'batch [valid, missing user_id]', body: [ctx.event(), bad] },
        'VALIDATION',
      );
    },
  ),
];

export const negativeChecks: Check[] = [...generated, ...bodyLevel];
