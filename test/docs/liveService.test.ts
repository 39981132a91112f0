// docs/live-service.md says what schema/observations.json records: one row per observation, in
// order, with what the docs say, what was observed and every source with its date; and the page
// names each inferred part of an observed body. A new observation without its row fails here.
import { OBSERVATIONS, type ObservedPart } from '../../schema';
import { readPage, tableAfter, unquote } from './markdown';

const page = readPage('docs/live-service.md');
const rows = tableAfter(page, 'What was observed');

/** The facts a cell must show: status, compact JSON body, each header as `name: value`. */
function facts(part: ObservedPart): string[] {
  return [
    ...(part.status === undefined ? [] : [String(part.status)]),
    ...(part.body === undefined ? [] : [JSON.stringify(part.body)]),
    ...Object.entries(part.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
}

const plain = (cell: string) => cell.replace(/`/g, '');

test('the table lists every observation, in order, with its route', () => {
  expect(rows.map(([id, route]) => [unquote(id), plain(route)])).toEqual(
    OBSERVATIONS.map((o) => [o.id, o.route]),
  );
});

test.each(OBSERVATIONS.map((o, i) => [o.id, o, i] as const))(
  '%s: what the docs say and what was observed, as recorded',
  (_id, o, i) => {
    const [, , docs, observed] = rows[i].map(plain);
    const docsFacts = facts(o.docs);
    if (docsFacts.length === 0) expect(docs).toMatch(/^nothing/);
    for (const fact of docsFacts) expect(docs).toContain(fact);
    expect(facts(o.observed).length).toBeGreaterThan(0);
    for (const fact of facts(o.observed)) expect(observed).toContain(fact);
  },
);

test.each(OBSERVATIONS.map((o, i) => [o.id, o, i] as const))(
  '%s: every source, with its date, and no other',
  (_id, o, i) => {
    const cell = rows[i][4];
    const linked = [...cell.matchAll(/\]\((https:[^)]+)\)\s*\((\d{4}-\d{2}-\d{2})\)/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(linked).toEqual(o.sources.map((s) => [s.url, s.date]));
  },
);

test('the page names every inferred part of an observed body, and why', () => {
  const inferred = tableAfter(page, 'The validation report: what is seen and what is inferred').map(
    ([part, why]) => [unquote(part), why],
  );
  expect(inferred).toEqual(OBSERVATIONS.flatMap((o) => o.inferred.map((x) => [x.pointer, x.why])));
});
