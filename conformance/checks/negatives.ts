// Schema-driven negatives (one check per generated case, so a failure names the exact field) and
// the body-level negatives: each must be answered 400 VALIDATION_MISMATCH_REPORT (or, under the
// default profiles, a report of the mismatch as the live service gives). A generated case the
// documentation itself rules out is a `negative.*` check (basis docs; an event name outside the
// list rests on the SDK's list, basis sdk); a case that rests only on a field or a widening real
// clients introduced (schema provenance, `x-source`) is an `extension.*` check: nothing documents
// that the real service rejects it.
import { documentedView, EVENT_NAMES, schemas } from '../../schema';
import { always, type Check } from './check';
import type { CheckContext } from '../run/checkContext';
import { schemaNegatives } from '../generate/schemaNegatives';

function negative(
  name: string,
  title: string,
  send: (ctx: CheckContext) => Promise<unknown>,
  basis: 'docs' | 'extension' = 'docs',
  sends = 1,
): Check {
  return {
    name: `${basis === 'docs' ? 'negative' : 'extension'}.${name}`,
    title,
    covers: ['VALIDATION'],
    ...(basis === 'docs' ? {} : { basis }),
    ...(EVENT_NAME_RULE[name] ?? {}),
    writes: 0,
    sends,
    applies: always,
    run: async (ctx) => {
      await send(ctx);
    },
  };
}

/** The event-name list is the SDK's (the docs page shows examples, not the list). */
const EVENT_NAME_RULE: Record<string, Pick<Check, 'basis' | 'why'>> = {
  'not-in-enum.event_name': {
    basis: 'sdk',
    why:
      `event_name must be one of the ${EVENT_NAMES.length} names the official SDK sends; the list comes ` +
      `from the SDK (schema/event-names.schema.json): ${EVENT_NAMES.join(', ')}`,
  },
};

/** Ids of the cases a server implementing exactly the documented contract must reject. */
const DOCUMENTED_CASES = new Set(schemaNegatives(schemas.event, documentedView).map((n) => n.id));

const generated = schemaNegatives(schemas.event).map((n) => {
  const documented = DOCUMENTED_CASES.has(n.id);
  return negative(
    n.id,
    `${n.title}: 400 VALIDATION_MISMATCH_REPORT${documented ? '' : ' (a field or widening only real clients send)'}`,
    (ctx) => ctx.expectPost({ label: n.title, body: [n.build(ctx.event())] }, 'VALIDATION'),
    documented ? 'docs' : 'extension',
  );
});

/** Negatives of documented fields (and of the SDK's event-name list). */
export const documentedNegatives: Check[] = generated.filter((c) => c.basis !== 'extension');
/** Negatives of fields or widenings only real clients show: warnings unless --profile strict. */
export const extensionNegatives: Check[] = generated.filter((c) => c.basis === 'extension');

export const bodyLevelNegatives: Check[] = [
  negative(
    'body.not-json',
    'a body that is not JSON: 400 VALIDATION_MISMATCH_REPORT',
    (ctx) =>
      ctx.expectPost(
        { label: 'body "event_name=app-init" (not JSON)', rawBody: 'event_name=app-init' },
        'VALIDATION',
      ),
    'docs',
    0,
  ),
  negative(
    'body.empty-array',
    'an empty array: 400 VALIDATION_MISMATCH_REPORT',
    (ctx) => ctx.expectPost({ label: 'body []', body: [] }, 'VALIDATION'),
    'docs',
    0,
  ),
  negative(
    'body.not-an-event',
    'a JSON value that is neither an event nor an array: 400 VALIDATION_MISMATCH_REPORT',
    (ctx) => ctx.expectPost({ label: 'body "app-init" (a JSON string)', body: 'app-init' }, 'VALIDATION'),
    'docs',
    0,
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
    'docs',
    2,
  ),
];
