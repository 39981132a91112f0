import { eventSpans } from './eventBytes';

const cut = (text: string) => {
  const raw = Buffer.from(text);
  const spans = eventSpans(raw);
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push(raw.toString('utf8', spans[i], spans[i + 1]));
  return out;
};

describe('journal: events as the bytes received', () => {
  test('a batch is cut into its events without parsing, strings and nesting respected', () => {
    expect(cut('[{"a":1},{"b":[1,{"c":"]},["}]}]')).toEqual(['{"a":1}', '{"b":[1,{"c":"]},["}]}']);
    expect(cut(' [ {"q":"\\"],"} ,\n\t{"n":9007199254740993} ] ')).toEqual([
      '{"q":"\\"],"}',
      '{"n":9007199254740993}',
    ]);
    expect(cut('{"one":"€"}\n')).toEqual(['{"one":"€"}']);
    expect(cut('\u{FEFF}[{"a":"\\\\"}]')).toEqual(['{"a":"\\\\"}']);
    expect(cut('[]')).toEqual([]);
  });
});
