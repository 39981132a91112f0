// The page's files are plain HTML, CSS and scripts with no build step. tsc does not copy them, so
// they are read from the source folder, found from here both when running the TypeScript sources
// (mock-server/inspector) and the compiled package (dist/mock-server/inspector).
import fs from 'node:fs';
import path from 'node:path';

export interface InspectorAsset {
  /** Served at /__mock/inspector/<name>. */
  name: string;
  type: string;
  text: string;
}

export interface InspectorAssets {
  html: string;
  /** The script and style files the page loads, in the order it loads them. */
  files: InspectorAsset[];
}

const FILES: readonly { name: string; type: string }[] = [
  { name: 'inspector.css', type: 'text/css; charset=utf-8' },
  { name: 'inspectorDetail.js', type: 'text/javascript; charset=utf-8' },
  { name: 'inspector.js', type: 'text/javascript; charset=utf-8' },
];

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
  return { html: read('index.html'), files: FILES.map((f) => ({ ...f, text: read(f.name) })) };
}
