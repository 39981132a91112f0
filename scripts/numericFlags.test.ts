import { parseNumericFlags } from './numericFlags';

interface Opts {
  runs: number;
  out?: string;
}
const parse = (argv: string[]) =>
  parseNumericFlags<Opts>(
    argv,
    { runs: 10 },
    { '--runs': ['runs', (n) => Number.isInteger(n) && n > 0, 'an integer above 0'] },
    { '--out': (v, into) => (into.out = v) },
  );

describe('parseNumericFlags', () => {
  test('defaults, numeric and text flags', () => {
    expect(parse([])).toEqual({ runs: 10 });
    expect(parse(['--runs', '3', '--out', 'x.json'])).toEqual({ runs: 3, out: 'x.json' });
  });

  test('each error names the flag and what it accepts', () => {
    expect(() => parse(['--runs', '0'])).toThrow('bad value for --runs: 0 (expected an integer above 0)');
    expect(() => parse(['--runs'])).toThrow('bad value for --runs: undefined');
    expect(() => parse(['--walk', '1'])).toThrow(
      'unknown flag --walk; flags: --runs an integer above 0, --out',
    );
    expect(() => parse(['--out'])).toThrow('missing value for --out');
    expect(() => parse(['--out', '--runs', '2'])).toThrow('missing value for --out');
  });
});
