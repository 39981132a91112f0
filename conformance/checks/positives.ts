// Bodies a conforming server must accept (201 "Success record."): the docs' own examples, events
// generated from the documented part of the schema (seeded), batches of 1 and 20, a gzip batch —
// all of them carrying only what the documentation guarantees, in its documented shape — and, as
// a warning check, events shaped like the official SDK's and the TON Connect tracker's
// (schema/examples/real-clients.json), which carry fields and nulls the docs do not list. The gzip
// batch rests on the SDK (it gzips every batch; the docs page never mentions gzip).
import { documentedView, EVENT_NAMES, schemas } from '../../schema';
import documented from '../../schema/examples/documented.json';
import realClients from '../../schema/examples/real-clients.json';
import { always, type Check } from './check';
import type { CheckContext } from '../run/checkContext';
import type { JsonObject } from '../run/types';
import { sampleValidEvents } from '../generate/arbitraryFromSchema';

export const GENERATED_EVENTS = 5;

function events(body: unknown): JsonObject[] {
  return (Array.isArray(body) ? body : [body]) as JsonObject[];
}

/** A vector's event, made the token's app's and tagged with the run. */
function adopt(ctx: CheckContext, event: JsonObject): JsonObject {
  return ctx.tag({ ...event, app_name: ctx.server.app.app_name });
}

/** One real-client event per event family (the part of the name before the first "-"). */
export const SDK_EVENTS: JsonObject[] = (() => {
  const seen = new Set<string>();
  const picked: JsonObject[] = [];
  for (const vector of realClients.vectors) {
    for (const event of events(vector.body)) {
      const family = String(event.event_name).split('-')[0];
      if (!seen.has(family)) picked.push(event);
      seen.add(family);
    }
  }
  return picked;
})();

/** Real clients' events: fields and nulls the docs do not list (basis extension). */
export const sdkShaped: Check = {
  name: 'extension.sdk-shaped',
  title: `${SDK_EVENTS.length} events shaped like the official SDK's and TON Connect's (undocumented fields and nulls), posted as the SDK does (gzip batch)`,
  covers: ['RECORDED'],
  basis: 'extension',
  writes: SDK_EVENTS.length,
  applies: always,
  async run(ctx) {
    const body = SDK_EVENTS.map((e) => adopt(ctx, e));
    await ctx.expectPost(
      { label: `SDK-shaped gzip batch of ${body.length} events`, body, gzip: true },
      'RECORDED',
    );
  },
};

export const positiveChecks: Check[] = [
  {
    name: 'positive.documented-examples',
    title: "the docs' request body examples (with the token's app_name) are recorded",
    covers: ['RECORDED'],
    writes: documented.vectors.length,
    applies: always,
    async run(ctx) {
      for (const v of documented.vectors) {
        await ctx.expectPost({ label: v.name, body: events(v.body).map((e) => adopt(ctx, e)) }, 'RECORDED');
      }
    },
  },
  {
    name: 'positive.generated',
    title: `${GENERATED_EVENTS} events generated from the documented fields of the schema (seeded, property-based) are recorded`,
    covers: ['RECORDED'],
    writes: GENERATED_EVENTS,
    applies: always,
    async run(ctx) {
      const sample = sampleValidEvents(
        schemas.event,
        ctx.server.app.app_name,
        ctx.seed,
        GENERATED_EVENTS,
        documentedView,
      );
      for (const [i, event] of sample.entries()) {
        await ctx.expectPost(
          { label: `generated event ${i + 1} (seed ${ctx.seed})`, body: [ctx.tag(event)] },
          'RECORDED',
        );
      }
    },
  },
  {
    name: 'positive.batch-1',
    title: 'a batch (array) of 1 event is recorded',
    covers: ['RECORDED'],
    writes: 1,
    applies: always,
    async run(ctx) {
      await ctx.expectPost({ label: 'array of 1 event', body: [ctx.event()] }, 'RECORDED');
    },
  },
  {
    name: 'positive.batch-20',
    title: 'a batch of 20 events (the SDK flushes up to 20) is recorded',
    covers: ['RECORDED'],
    writes: 20,
    applies: always,
    async run(ctx) {
      const body = Array.from({ length: 20 }, (_, i) =>
        ctx.event({ event_name: EVENT_NAMES[i % EVENT_NAMES.length] }),
      );
      await ctx.expectPost({ label: 'array of 20 events', body }, 'RECORDED');
    },
  },
  {
    name: 'positive.gzip-batch',
    title: 'a gzip-encoded batch (Content-Encoding: gzip, as the SDK sends) is recorded',
    covers: ['RECORDED'],
    basis: 'sdk',
    why: 'the official SDK sends every batch gzip-encoded (the docs page does not mention gzip): a server that cannot read it records nothing the SDK sends',
    writes: 2,
    applies: always,
    async run(ctx) {
      const body = [ctx.event(), ctx.event({ event_name: 'app-hide' })];
      await ctx.expectPost({ label: 'gzip array of 2 events', body, gzip: true }, 'RECORDED');
    },
  },
];
