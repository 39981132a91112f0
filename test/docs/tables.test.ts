// The tables of docs/ say what the code does: each flag table is its CLI's option table (or the
// --help generated from it), each answer table is the answer registry, and every name the mock
// page lists as exported is exported.
import * as mockPackage from '../../mock-server';
import { answerFor, MOCK_REASONS, OPTION_TABLE } from '../../mock-server';
import { DOCUMENTED_RESPONSES } from '../../schema';
import { readPage, section, tableAfter, unquote } from './markdown';
import { cliOfBin, cliOfScript, helpOf, helpOptions, type CliSource } from './shell';

jest.setTimeout(120_000);

const mockPage = readPage('docs/mock-server.md');

describe('docs/mock-server.md', () => {
  test('the flag table is OPTION_TABLE: every option in order, with its env variable and default', () => {
    const rows = tableAfter(mockPage, 'Running it').map((cells) => cells.slice(0, 3).map(unquote));
    expect(rows.map(([flag, env]) => [flag, env])).toEqual(OPTION_TABLE.map((o) => [o.flag, o.env]));
    expect(rows.map(([, , shown]) => shown)).toEqual(
      OPTION_TABLE.map((o) =>
        o.default === undefined
          ? 'none'
          : typeof o.default === 'object'
            ? JSON.stringify(o.default)
            : String(o.default),
      ),
    );
  });

  test('every name listed as exported from tga-contract is exported', () => {
    const line = section(mockPage, 'In your own tests: `startMock`')
      .split('\n')
      .find((l) => l.startsWith('Also exported from `tga-contract`:'));
    expect(line).toBeDefined();
    const names = [...line!.slice(line!.indexOf(':')).matchAll(/`(\w+)`/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(3);
    expect(names.filter((n) => !(n in mockPackage))).toEqual([]);
  });

  test('the table of answers beyond the docs is the registry', () => {
    const rows = tableAfter(mockPage, 'Answers beyond the docs').map(([status, reason, body]) => ({
      status: Number(status),
      reason: unquote(reason),
      body: JSON.parse(unquote(body)) as unknown,
    }));
    expect(rows).toEqual(
      MOCK_REASONS.map((reason) => ({
        status: answerFor(reason).status,
        reason,
        body: answerFor(reason).body,
      })),
    );
  });
});

test("docs/schema.md's documented-responses table is the registry", () => {
  const rows = tableAfter(readPage('docs/schema.md'), 'Documented responses').map(
    ([status, reason, body]) => ({
      status: Number(status),
      reason: unquote(reason),
      body: JSON.parse(unquote(body)) as unknown,
    }),
  );
  expect(rows).toEqual(
    DOCUMENTED_RESPONSES.map((r) => ({ status: r.status, reason: r.reason, body: answerFor(r.reason).body })),
  );
});

// A page's flag table against the CLI's generated --help: the same flags (--help and --version
// aside), the same env variables, and a default where --help states one.
const normal = (s: string) => unquote(s).toLowerCase().replace(/\s+/g, ' ');

async function compareWithHelp(rows: string[][], columns: { env?: number; default: number }, cli: CliSource) {
  const options = helpOptions((await helpOf(cli)).text).filter(
    (o) => o.flag !== '--help' && o.flag !== '--version',
  );
  const documented = rows.map((cells) => ({
    flag: /--[a-z][a-z0-9-]*/.exec(cells[0])![0],
    env: columns.env === undefined ? undefined : unquote(cells[columns.env]) || undefined,
    default: unquote(cells[columns.default]),
  }));
  expect(documented.map((d) => d.flag).sort()).toEqual(options.map((o) => o.flag).sort());
  for (const o of options) {
    const d = documented.find((x) => x.flag === o.flag)!;
    if (columns.env !== undefined) expect([o.flag, d.env]).toEqual([o.flag, o.env]);
    if (o.default !== undefined) {
      const [shown, help] = [normal(d.default), normal(o.default)];
      expect([o.flag, shown !== '' && (shown.includes(help) || help.includes(shown))]).toEqual([
        o.flag,
        true,
      ]);
    }
  }
}

test("docs/conformance.md's flag table is tga-conformance's option table", async () => {
  const rows = tableAfter(readPage('docs/conformance.md'), 'Running it against your own server');
  await compareWithHelp(rows, { env: 1, default: 2 }, cliOfBin('tga-conformance')!);
});

test("docs/breaking-gate.md's flag table is the gate's option table", async () => {
  const rows = tableAfter(readPage('docs/breaking-gate.md'), 'The schema breaking-change gate');
  await compareWithHelp(rows, { default: 1 }, cliOfScript('schema:check-breaking')!);
});
