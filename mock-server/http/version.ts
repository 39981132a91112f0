// The package version for /__mock/health, read at run time: the same code runs from the source
// tree (ts-node, Jest) and from dist/, at different depths below package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function packageVersion(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tga-contract') return pkg.version ?? '0.0.0';
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
