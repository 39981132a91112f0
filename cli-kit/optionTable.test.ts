import {
  defaults,
  helpText,
  option,
  readArgv,
  readCommandLine,
  resolveLayers,
  type CliSpec,
} from './optionTable';
import { bool, int, list, oneOf, str } from './parsers';
import { editDistance } from './suggest';

const SPEC: CliSpec = {
  name: 'demo',
  synopsis: ['[options]'],
  summary: 'A demo command.',
  table: [
    option({
      key: 'port',
      valueName: 'N',
      env: 'DEMO_PORT',
      default: 8787,
      parse: int(0, 65535),
      help: 'port',
    }),
    option({ key: 'name', env: 'DEMO_NAME', parse: str, help: 'a name' }),
    option({ key: 'checks', valueName: 'A,B', parse: list, help: 'a list' }),
    option({ key: 'verbose', arity: 'switch', parse: bool, help: 'say more' }),
    option({
      key: 'probe',
      arity: 'optional',
      valueName: 'N',
      bareValue: 100,
      optionalValue: /^\d+$/,
      parse: int(1),
      help: 'probe, N times',
    }),
  ],
  notes: ['Exit code: 0.'],
};

describe('readCommandLine', () => {
  test.each([
    [[], {}, { port: 8787 }],
    [['--port', '1'], {}, { port: 1 }],
    [['--port=2'], {}, { port: 2 }],
    [[], { DEMO_PORT: '3' }, { port: 3 }],
    [['--port', '4'], { DEMO_PORT: '3' }, { port: 4 }],
    [[], { DEMO_PORT: '' }, { port: 8787 }],
    [['--verbose'], {}, { port: 8787, verbose: true }],
    [['--checks', 'a, b,,c'], {}, { port: 8787, checks: ['a', 'b', 'c'] }],
    [['--probe'], {}, { port: 8787, probe: 100 }],
    [['--probe', '7'], {}, { port: 8787, probe: 7 }],
    [['--probe=8'], {}, { port: 8787, probe: 8 }],
    [['--probe', '--verbose'], {}, { port: 8787, probe: 100, verbose: true }],
  ])('%j with env %j → %j', (argv, env, values) => {
    expect(readCommandLine(SPEC, argv, env)).toEqual({ kind: 'run', values, positionals: [] });
  });

  test.each([
    [['--prot', '1'], 'unknown flag --prot; did you mean --port?'],
    [['--frobnicate', '1'], 'unknown flag --frobnicate'],
    [['--port'], '--port needs a value'],
    [['--port', '--verbose'], '--port needs a value'],
    [['--port', '1', '--port', '2'], '--port given twice'],
    [['--port', 'x'], '--port must be an integer from 0 to 65535 (got "x")'],
    [['stray'], 'unexpected argument "stray"'],
  ])('%j is refused: %s', (argv, error) => {
    expect(readCommandLine(SPEC, argv, {})).toEqual({ kind: 'error', error });
  });

  test('a bad environment value names the variable', () => {
    expect(readCommandLine(SPEC, [], { DEMO_PORT: 'x' })).toEqual({
      kind: 'error',
      error: 'environment: DEMO_PORT must be an integer from 0 to 65535 (got "x")',
    });
  });

  test('--help and --version win over everything else', () => {
    expect(readCommandLine(SPEC, ['--port', 'x', '--help'], {})).toEqual({ kind: 'help' });
    expect(readCommandLine(SPEC, ['-h'], {})).toEqual({ kind: 'help' });
    expect(readCommandLine(SPEC, ['--version', '--port', '1'], {})).toEqual({ kind: 'version' });
  });

  test('positionals only where the command takes them', () => {
    expect(readArgv(SPEC.table, ['a', '--verbose', 'b'], { positionals: true })).toMatchObject({
      ok: true,
      positionals: ['a', 'b'],
    });
  });
});

describe('resolveLayers', () => {
  test('later layers win; an unknown key names its source', () => {
    const layers = [
      { source: 'config c.json', values: { port: 1, name: 'a' } },
      { source: 'options', values: { port: 2 } },
    ];
    expect(resolveLayers(SPEC.table, layers)).toEqual({ ok: true, values: { port: 2, name: 'a' } });
    expect(resolveLayers(SPEC.table, [{ source: 'config c.json', values: { bogus: 1 } }])).toEqual({
      ok: false,
      error: 'config c.json: unknown option "bogus"',
    });
  });
});

describe('the options are typed by the table', () => {
  // Compile-time checks (npm run typecheck): each option's type is its parser's, and it is
  // optional unless its row has a default.
  const TYPED = {
    name: 'typed',
    synopsis: [''],
    table: [
      option({ key: 'port', default: 8787, parse: int(0, 65535), help: 'port' }),
      option({ key: 'mode', default: 'a', parse: oneOf(['a', 'b']), help: 'mode' }),
      option({ key: 'name', parse: str, help: 'a name' }),
      option({ key: 'checks', parse: list, help: 'a list' }),
    ],
  } satisfies CliSpec;

  test('resolveLayers, readCommandLine and defaults infer the options', () => {
    const resolved = resolveLayers(TYPED.table, [{ source: 'flags', values: { mode: 'b', name: 'n' } }]);
    if (!resolved.ok) throw new Error(resolved.error);
    const v: { port: number; mode: 'a' | 'b'; name?: string; checks?: string[] } = resolved.values;
    // @ts-expect-error an option without a default may be absent
    const name: string = resolved.values.name;
    expect([v, name]).toEqual([{ port: 8787, mode: 'b', name: 'n' }, 'n']);

    const line = readCommandLine(TYPED, ['--checks', 'x,y']);
    if (line.kind !== 'run') throw new Error(line.kind);
    const checks: string[] | undefined = line.values.checks;
    expect(checks).toEqual(['x', 'y']);

    const d: { port: number; mode: 'a' | 'b' } = defaults(TYPED.table);
    // @ts-expect-error defaults() has only the rows with a default
    expect(defaults(TYPED.table).name).toBeUndefined();
    expect(d).toEqual({ port: 8787, mode: 'a' });
  });

  test('a default must be of its parser type', () => {
    // @ts-expect-error 8787 is not a string
    expect(option({ key: 'host', default: 8787, parse: str, help: 'h' }).default).toBe(8787);
  });
});

describe('helpText', () => {
  test('one line per row with its value, default and env, then --version, --help and the notes', () => {
    expect(helpText(SPEC).split('\n')).toEqual([
      'Usage: demo [options]',
      '',
      'A demo command.',
      '',
      'Options:',
      '  --port N      port (default: 8787) [env DEMO_PORT]',
      '  --name VALUE  a name [env DEMO_NAME]',
      '  --checks A,B  a list',
      '  --verbose     say more',
      '  --probe [N]   probe, N times',
      '  --version     print the version and exit',
      '  -h, --help    print this help and exit',
      '',
      'Exit code: 0.',
    ]);
  });
});

describe('a mistyped flag', () => {
  test.each([
    ['--prot', '--port'],
    ['--verbos', '--verbose'],
    ['--hlep', '--help'],
    ['--versoin', '--version'],
    ['--por', '--port'],
  ])('%s: did you mean %s?', (typed, meant) => {
    expect(readCommandLine(SPEC, [typed], {})).toEqual({
      kind: 'error',
      error: `unknown flag ${typed}; did you mean ${meant}?`,
    });
  });

  test.each(['--x', '--ab', '--zzzz', '--token'])('%s is too far from every flag for a guess', (typed) => {
    expect(readCommandLine(SPEC, [typed], {})).toEqual({ kind: 'error', error: `unknown flag ${typed}` });
  });
});

test('editDistance counts a swap of neighbours as one edit', () => {
  expect([editDistance('prot', 'port'), editDistance('port', 'port'), editDistance('', 'abc')]).toEqual([
    1, 0, 3,
  ]);
  expect(editDistance('kitten', 'sitting')).toBe(3);
});
