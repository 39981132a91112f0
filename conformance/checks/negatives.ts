// Schema-driven negatives (one check per generated case, so a failure names the exact field) and
// the body-level negatives: each must be answered 400 VALIDATION_MISMATCH_REPORT. A generated case
// the documentation itself rules out is a failing check (`negative.*`); a case that rests only on
// a field or a widening real clients introduced (schema provenance, `x-source`) is a warning
// (`undocumented.*`): nothing documents that the real service rejects it.
import { documentedView, schemas } from '../../schema';
import { always, type Check } from './check';
import type { CheckContext } from '../run/checkContext';
import { schemaNegatives } from '../generate/schemaNegatives';

function negative(
  name: string,
  title: string,
  send: (ctx: CheckContext) => Promise<unknown>,
  basis: Check['basis'] = 'docs',
): Check {
  return {
    name: `${basis === 'docs' ? 'negative' : 'undocumented'}.${name}`,
    title,
    covers: ['VALIDATION'],
    basis,
    writes: 0,
    applies: always,
    run: async (ctx) => {
      await send(ctx);
    },
  };
}

/** Ids of the cases a server implementing exactly the documented contract must reject. */
const DOCUMENTED_CASES = new Set(schemaNegatives(schemas.event, documentedView).map((n) => n.id));

const generated = schemaNegatives(schemas.event).map((n) => {
  const documented = DOCUMENTED_CASES.has(n.id);
  return negative(
    n.id,
    `${n.title}: 400 VALIDATION_MISMATCH_REPORT${documented ? '' : ' (undocumented field or widening: a warning)'}`,
    (ctx) => ctx.expectPost({ label: n.title, body: [n.build(ctx.event())] }, 'VALIDATION'),
    documented ? 'docs' : 'undocumented',
  );
});

/** Negatives of documented fields: failing checks. */
export const documentedNegatives: Check[] = generated.filter((c) => c.basis === 'docs');
/** Negatives of fields or widenings only real clients show: warnings. */
export const undocumentedNegatives: Check[] = generated.filter((c) => c.basis === 'undocumented');

export const bodyLevelNegatives: Check[] = [
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
