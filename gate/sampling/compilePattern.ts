// Strings for `pattern` and keys for `patternProperties`: a small generator for the regular
// expressions schemas actually use, rather than a general regex-to-string library.
import { pick, type Rng } from './makeRng';

/**
 * A generator for the simple regular expressions schemas use (literals, classes, \d \w \s, groups,
 * alternation, quantifiers); undefined for anything else (lookaround, backreferences).
 */
export function compilePattern(source: string, rng: Rng): (() => string) | undefined {
  type Gen = () => string;
  let i = 0;
  const bail = (): never => {
    throw new RangeError(source);
  };
  const range = (lo: string, hi: string): Gen => {
    const a = lo.codePointAt(0) ?? 97;
    const b = hi.codePointAt(0) ?? a;
    return () => String.fromCodePoint(a + Math.floor(rng() * (b - a + 1)));
  };
  const classEscape = (c: string): Gen[] => {
    if (c === 'd') return [range('0', '9')];
    if (c === 'w') return [range('a', 'z'), range('A', 'Z'), range('0', '9'), () => '_'];
    if (c === 's') return [() => ' '];
    if ('DWS'.includes(c)) return [() => (c === 'D' ? 'a' : c === 'W' ? '-' : 'a')];
    if (c === 'n' || c === 't') return [() => (c === 'n' ? '\n' : '\t')];
    if (/[bBkpPcux0-9]/.test(c)) bail();
    return [() => c];
  };
  const charClass = (): Gen => {
    const negated = source[i] === '^';
    if (negated) i++;
    const options: Gen[] = [];
    const chars: string[] = [];
    while (i < source.length && source[i] !== ']') {
      const c = source[i++];
      if (c === '\\') {
        options.push(...classEscape(source[i++] ?? bail()));
        continue;
      }
      if (source[i] === '-' && source[i + 1] !== undefined && source[i + 1] !== ']') {
        const hi = source[i + 1] === '\\' ? bail() : source[i + 1];
        i += 2;
        options.push(range(c, hi));
        continue;
      }
      chars.push(c);
      options.push(() => c);
    }
    if (source[i++] !== ']') bail();
    if (!negated) return options.length ? () => pick(rng, options)() : bail();
    const outside = [...'aA0_- .'].filter((c) => !chars.includes(c));
    return outside.length ? () => pick(rng, outside) : bail();
  };
  const atom = (): Gen => {
    const c = source[i++];
    if (c === '^' || c === '$') return () => '';
    if (c === '(') {
      if (source.startsWith('?:', i)) i += 2;
      else if (source[i] === '?') bail();
      const inner = alternation();
      return source[i++] === ')' ? inner : bail();
    }
    if (c === '[') return charClass();
    if (c === '.') return () => pick(rng, [...'ab1_']);
    if (c === '\\') {
      const options = classEscape(source[i++] ?? bail());
      return () => pick(rng, options)();
    }
    return '*+?{}])|'.includes(c) ? bail() : () => c;
  };
  const quantified = (gen: Gen, isAnchor: boolean): Gen => {
    const q = /^(?:\?|\*|\+|\{(\d+)(,(\d*))?\})/.exec(source.slice(i));
    if (!q) return gen;
    if (isAnchor) bail();
    i += q[0].length;
    if (source[i] === '?') i++;
    const lo = q[0] === '+' ? 1 : q[1] !== undefined ? Number(q[1]) : 0;
    const hi =
      q[0] === '?'
        ? 1
        : q[1] === undefined
          ? lo + 3
          : q[2] === undefined
            ? lo
            : q[3]
              ? Math.min(Number(q[3]), lo + 3)
              : lo + 3;
    return () => {
      const count = lo + Math.floor(rng() * (hi - lo + 1));
      return Array.from({ length: count }, gen).join('');
    };
  };
  const sequence = (): Gen => {
    const parts: Gen[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const isAnchor = source[i] === '^' || source[i] === '$';
      parts.push(quantified(atom(), isAnchor));
    }
    return () => parts.map((p) => p()).join('');
  };
  const alternation = (): Gen => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0] : () => pick(rng, options)();
  };
  try {
    const gen = alternation();
    return i === source.length ? gen : undefined;
  } catch {
    return undefined;
  }
}

/** The pattern as ajv compiles it (unicode flag), or undefined when it is not a valid one. */
export function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}
