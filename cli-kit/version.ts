// The package's root folder and version, found at run time: the same code runs from the source
// tree (ts-node, Jest), from dist/ and from a compiled scripts build, at different depths below
// package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findPackage(from: string): { root: string; version: string } | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tga-contract') return { root: dir, version: pkg.version ?? '0.0.0' };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function packageVersion(from = __dirname): string {
  return findPackage(from)?.version ?? '0.0.0';
}

/** The folder holding tga-contract's package.json. */
export function packageRoot(from = __dirname): string {
  const found = findPackage(from);
  if (!found) throw new Error(`no tga-contract package.json above ${from}`);
  return found.root;
}
