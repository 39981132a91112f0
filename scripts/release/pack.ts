// npm run release [-- --out DIR] [--json]: the two release tarballs from the built tree (the
// script builds dist/ first), tga-contract-<v>.tgz and tga-conformance-<v>.tgz, by default in
// .artifacts/release/. Each package is staged in a scratch folder with the manifest
// scripts/release/packages.ts derives from the root package.json, then packed there by `npm pack`.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bool, option, packageRoot, str, type CliSpec } from '../../cli-kit';
import { scriptOptions } from '../scriptCli';
import { PEER_RANGES, RELEASE_PACKAGES, type ReleasePackage } from './packages';

interface RootManifest {
  version: string;
  license: string;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

export interface Packed {
  name: string;
  /** Absolute path of the tarball. */
  tarball: string;
  /** Every path in it, relative to the package root. */
  files: string[];
}

/** The package.json of `spec`, its ranges taken from the root manifest. */
export function manifestOf(spec: ReleasePackage, root: RootManifest): Record<string, unknown> {
  const rangeOf = (name: string, given: string | null) => {
    const range = given ?? root.dependencies[name] ?? root.devDependencies[name];
    if (!range) throw new Error(`${spec.name}: ${name} is in no dependency list of package.json`);
    return range;
  };
  const peers = spec.optionalPeers ?? [];
  return {
    name: spec.name,
    version: root.version,
    description: spec.description,
    license: root.license,
    type: 'commonjs',
    engines: root.engines,
    ...(spec.main && { main: spec.main }),
    ...(spec.types && { types: spec.types }),
    exports: spec.exports,
    bin: spec.bin,
    dependencies: Object.fromEntries(
      Object.entries(spec.dependencies).map(([name, given]) => [name, rangeOf(name, given)]),
    ),
    ...(peers.length > 0 && {
      peerDependencies: Object.fromEntries(
        peers.map((p) => [p, root.peerDependencies[p] ?? PEER_RANGES[p] ?? rangeOf(p, null)]),
      ),
      peerDependenciesMeta: Object.fromEntries(peers.map((p) => [p, { optional: true }])),
    }),
  };
}

// Never shipped, whatever a folder of the build holds.
const NEVER = /\.test\.|(^|\/)(test-support|fixtures)(\/|$)/;

/** Copies `spec.files` (a path, or `dir/*.ext`) from `root` into `stage`. */
function stageFiles(spec: ReleasePackage, root: string, stage: string): void {
  for (const entry of spec.files) {
    const star = /^(.*)\/\*(\.[\w.]+)$/.exec(entry);
    const sources = star
      ? readdirSync(path.join(root, star[1]))
          .filter((f) => f.endsWith(star[2]))
          .map((f) => `${star[1]}/${f}`)
      : [entry];
    for (const rel of sources) {
      const from = path.join(root, rel);
      if (!existsSync(from)) throw new Error(`${spec.name}: ${rel} does not exist (was dist/ built?)`);
      cpSync(from, path.join(stage, rel), {
        recursive: true,
        filter: (p) => !NEVER.test(path.relative(root, p).split(path.sep).join('/')),
      });
    }
  }
}

/**
 * `rel` (a .d.ts in the stage) as a .d.mts beside it: the same declarations, read as an ES module,
 * so each relative import names its file (`../core/journal` → `../core/journal/index.js`) as ES
 * module resolution requires; package imports then resolve under the `import` condition.
 */
function writeEsmTypes(stage: string, rel: string): void {
  const file = path.join(stage, rel);
  const text = readFileSync(file, 'utf8').replace(/(from ')(\.{1,2}\/[^']+)(')/g, (_, a, spec: string, b) => {
    const target = path.resolve(path.dirname(file), spec);
    if (existsSync(`${target}.d.ts`)) return `${a}${spec}.js${b}`;
    if (existsSync(path.join(target, 'index.d.ts'))) return `${a}${spec}/index.js${b}`;
    throw new Error(`${rel}: ${spec} names no declaration file`);
  });
  writeFileSync(file.replace(/\.d\.ts$/, '.d.mts'), text);
}

/** Stages and packs every release package into `out`. */
export function packRelease(root: string, out: string): Packed[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as RootManifest;
  mkdirSync(out, { recursive: true });
  return RELEASE_PACKAGES.map((spec) => {
    const stage = mkdtempSync(path.join(tmpdir(), `${spec.name}-stage-`));
    try {
      stageFiles(spec, root, stage);
      for (const rel of spec.esmTypes ?? []) writeEsmTypes(stage, rel);
      cpSync(path.join(root, 'README.md'), path.join(stage, 'README.md'));
      writeFileSync(
        path.join(stage, 'package.json'),
        `${JSON.stringify(manifestOf(spec, manifest), null, 2)}\n`,
      );
      const json = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
        cwd: stage,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 << 20,
      });
      const [report] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
      return {
        name: spec.name,
        tarball: path.join(out, report.filename),
        files: report.files.map((f) => f.path),
      };
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  });
}

const RELEASE_CLI = {
  name: 'release',
  synopsis: ['[options]    (npm run release -- [options])'],
  summary: 'Builds dist/ and writes the release tarballs tga-contract-<v>.tgz and tga-conformance-<v>.tgz.',
  table: [
    option({
      key: 'out',
      valueName: 'DIR',
      default: '.artifacts/release',
      parse: str,
      help: 'where the tarballs are written',
    }),
    option({ key: 'json', arity: 'switch', parse: bool, help: 'print the tarballs and their files as JSON' }),
  ],
} satisfies CliSpec;

if (require.main === module) {
  const args = scriptOptions(RELEASE_CLI);
  const root = packageRoot();
  const packed = packRelease(root, path.resolve(args.out));
  if (args.json) process.stdout.write(`${JSON.stringify(packed)}\n`);
  else
    for (const p of packed)
      process.stdout.write(`${path.relative(process.cwd(), p.tarball)} (${p.files.length} files)\n`);
}
