// The gate's modules import one another in one direction only: a circle (even one closed by a
// type import, as structural/walker.ts → compare.ts once was) makes the parts impossible to read
// or test alone.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findCycle, importGraph, tsFilesUnder } from './test-support/importGraph';

const rel = (files: string[], root: string) => files.map((f) => path.relative(root, f));

test('no import circle among the files of gate/', () => {
  const cycle = findCycle(importGraph(tsFilesUnder(__dirname)));
  expect(cycle && rel(cycle, __dirname)).toBeNull();
});

describe('the circle search', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gate-imports-'));
    mkdirSync(path.join(dir, 'structural'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return importGraph(tsFilesUnder(dir));
  };

  test('finds a circle closed by a type-only import', () => {
    const graph = write({
      'compare.ts': "import { same } from './structural/walker';\nexport type Seg = string;\n",
      'structural/walker.ts': "import type { Seg } from '../compare';\nexport const same = 1;\n",
    });
    expect(rel(findCycle(graph) ?? [], dir)).toEqual(['compare.ts', 'structural/walker.ts', 'compare.ts']);
  });

  test('finds a longer circle, and one through a re-export or a folder index', () => {
    expect(
      findCycle(
        write({
          'a.ts': "export { b } from './b';\n",
          'b.ts': "import { c } from './structural';\nexport const b = c;\n",
          'structural/index.ts': "import type { A } from '../a';\nexport const c = 1;\n",
        }),
      ),
    ).not.toBeNull();
  });

  test('passes a graph that shares types through a file of their own', () => {
    const graph = write({
      'change.ts': 'export type Seg = string;\n',
      'compare.ts': "import type { Seg } from './change';\nimport { same } from './structural/walker';\n",
      'structural/walker.ts': "import type { Seg } from '../change';\nimport ts from 'typescript';\n",
    });
    expect(findCycle(graph)).toBeNull();
    expect(graph.get(path.join(dir, 'structural/walker.ts'))).toEqual([path.join(dir, 'change.ts')]);
  });
});
