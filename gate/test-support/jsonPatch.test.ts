import { applyPatch, PatchError, type PatchOp } from './jsonPatch';

describe('applyPatch', () => {
  // The examples of RFC 6902 appendix A, and the key-order liberty the fixtures rely on.
  test.each<[string, unknown, PatchOp[], unknown]>([
    [
      'add an object member',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux' }],
      { foo: 'bar', baz: 'qux' },
    ],
    [
      'add an array element',
      { foo: ['bar', 'baz'] },
      [{ op: 'add', path: '/foo/1', value: 'qux' }],
      { foo: ['bar', 'qux', 'baz'] },
    ],
    ['append with -', { foo: [1] }, [{ op: 'add', path: '/foo/-', value: 2 }], { foo: [1, 2] }],
    [
      'add onto an existing member replaces it',
      { a: 1, b: 2 },
      [{ op: 'add', path: '/a', value: 3 }],
      { a: 3, b: 2 },
    ],
    [
      'add a nested member',
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [
      'add an array value',
      { foo: ['bar'] },
      [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
      { foo: ['bar', ['abc', 'def']] },
    ],
    ['add the whole document', { a: 1 }, [{ op: 'add', path: '', value: [1] }], [1]],
    ['remove an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    [
      'remove an array element',
      { foo: ['bar', 'qux', 'baz'] },
      [{ op: 'remove', path: '/foo/1' }],
      { foo: ['bar', 'baz'] },
    ],
    [
      'replace a value',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'replace', path: '/baz', value: 'boo' }],
      { baz: 'boo', foo: 'bar' },
    ],
    ['replace an array element', { a: [1, 2] }, [{ op: 'replace', path: '/a/0', value: 9 }], { a: [9, 2] }],
    ['replace the whole document', { a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }], { b: 2 }],
    [
      'move a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'move an array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'copy a value',
      { a: { x: [1] }, b: {} },
      [{ op: 'copy', from: '/a', path: '/b/c' }],
      { a: { x: [1] }, b: { c: { x: [1] } } },
    ],
    [
      'test then add',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    [
      'test ignores key order',
      { a: { x: 1, y: 2 } },
      [{ op: 'test', path: '/a', value: { y: 2, x: 1 } }],
      { a: { x: 1, y: 2 } },
    ],
    [
      'escaped keys ~0 and ~1',
      { 'a/b': 1, 'm~n': 2 },
      [
        { op: 'replace', path: '/a~1b', value: 3 },
        { op: 'remove', path: '/m~0n' },
      ],
      { 'a/b': 3 },
    ],
    ['an empty patch', { a: 1 }, [], { a: 1 }],
  ])('%s', (_name, doc, ops, expected) => {
    expect(applyPatch(doc, ops)).toEqual(expected);
  });

  test('a replaced member keeps its place; an added one comes last', () => {
    const doc = { a: 1, b: 2, c: 3 };
    const out = applyPatch(doc, [
      { op: 'replace', path: '/a', value: 0 },
      { op: 'add', path: '/b', value: 0 },
      { op: 'add', path: '/d', value: 4 },
    ]);
    expect(Object.keys(out as object)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('the input and the values in the patch are not touched', () => {
    const doc = { list: [1], deep: { x: 1 } };
    const value = { y: 2 };
    const out = applyPatch(doc, [
      { op: 'add', path: '/list/-', value: 2 },
      { op: 'add', path: '/deep/v', value },
      { op: 'copy', from: '/deep', path: '/copy' },
    ]) as { deep: { v: { y: number } }; copy: object };
    expect(doc).toEqual({ list: [1], deep: { x: 1 } });
    out.deep.v.y = 3;
    expect(value).toEqual({ y: 2 });
    expect(out.copy).toEqual({ x: 1, v: { y: 2 } });
  });

  test('"__proto__" is an ordinary member', () => {
    const out = applyPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]);
    expect(Object.keys(out as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each<[string, unknown, unknown[], RegExp]>([
    [
      'a missing member',
      { a: 1 },
      [{ op: 'remove', path: '/b' }],
      /operation 0 \(remove \/b\): nothing at "b"/,
    ],
    ['replace of a missing member', { a: 1 }, [{ op: 'replace', path: '/b', value: 1 }], /nothing at "b"/],
    ['a missing parent', { a: 1 }, [{ op: 'add', path: '/x/y', value: 1 }], /nothing at "x"/],
    ['an index past the end', { a: [1] }, [{ op: 'add', path: '/a/2', value: 1 }], /out of bounds/],
    ['- outside add', { a: [1] }, [{ op: 'remove', path: '/a/-' }], /not an array index/],
    ['a leading zero', { a: [1, 2] }, [{ op: 'remove', path: '/a/01' }], /not an array index/],
    ['a path without a slash', { a: 1 }, [{ op: 'remove', path: 'a' }], /not a JSON pointer/],
    ['a failed test', { a: 1 }, [{ op: 'test', path: '/a', value: 2 }], /the value differs/],
    ['a move into itself', { a: { b: 1 } }, [{ op: 'move', from: '/a', path: '/a/b/c' }], /into itself/],
    ['an unknown op', { a: 1 }, [{ op: 'merge', path: '/a' }], /unknown op "merge"/],
    ['add without a value', { a: 1 }, [{ op: 'add', path: '/b' }], /needs a value/],
    ['an operation that is not an object', { a: 1 }, ['add'], /operation 0 is not an object/],
    [
      'the second operation',
      { a: 1 },
      [
        { op: 'remove', path: '/a' },
        { op: 'remove', path: '/a' },
      ],
      /operation 1/,
    ],
  ])('refuses %s', (_name, doc, ops, message) => {
    expect(() => applyPatch(doc, ops as PatchOp[])).toThrow(PatchError);
    expect(() => applyPatch(doc, ops as PatchOp[])).toThrow(message);
  });
});
