// The package's root folder and version, found at run time: the same code runs from the source
// tree (ts-node, Jest), from dist/ and from a compiled scripts build, at different depths below
// package.json, and in either release package (scripts/release/packages.ts), which both carry it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const OURS = new Set(['tga-contract', 'tga-conformance']);

function findPackage(from: string): { root: string; version: string } | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name !== undefined && OURS.has(pkg.name)) return { root: dir, version: pkg.version ?? '0.0.0' };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function packageVersion(from = __dirname): string {
  return findPackage(from)?.version ?? '0.0.0';
}

/** The folder holding the package.json of the package this code runs in. */
export function packageRoot(from = __dirname): string {
  const found = findPackage(from);
  if (!found) throw new Error(`no tga-contract or tga-conformance package.json above ${from}`);
  return found.root;
}
