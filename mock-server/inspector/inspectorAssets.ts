// The page's files are plain HTML, CSS and a script with no build step. tsc does not copy them, so
// they are read from the source folder, found from here both when running the TypeScript sources
// (mock-server/inspector) and the compiled package (dist/mock-server/inspector).
import fs from 'node:fs';
import path from 'node:path';

export interface InspectorAssets {
  html: string;
  script: string;
  css: string;
}

function findAssetsDir(): string {
  const candidates = [
    path.join(__dirname, 'assets'),
    path.join(__dirname, '..', '..', '..', 'mock-server', 'inspector', 'assets'),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (found === undefined) throw new Error(`inspector assets not found in ${candidates.join(' or ')}`);
  return found;
}

export function loadInspectorAssets(): InspectorAssets {
  const dir = findAssetsDir();
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  return { html: read('index.html'), script: read('inspector.js'), css: read('inspector.css') };
}
