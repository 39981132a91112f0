// The package as users get it: `npm pack` from a copy of the working tree (pack runs the `prepare`
// build, and the repository's own dist/ may be in use by other tests), and the tarball installed
// into an empty folder. Shared by every packed-package test.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '..', '..');
/** Only what npm and node need: an outer `npm test` must not leak npm_* settings or TGA_* here. */
export const cleanEnv = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? tmpdir(),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

export interface Packed {
  /** The scratch folder holding the copy, the tarball and any consumer; remove it with `cleanup`. */
  dir: string;
  tarball: string;
  /** Every path in the tarball, relative to the package root (npm pack --json). */
  files: string[];
  cleanup(): void;
}

export async function packFromCopy(prefix: string): Promise<Packed> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const src = path.join(dir, 'src');
  const skipped = /^\/(node_modules|dist|\.git|\.artifacts|coverage)(\/|$)|\.tgz$/;
  cpSync(ROOT, src, { recursive: true, filter: (p) => !skipped.test(p.slice(ROOT.length)) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: src,
    env: cleanEnv,
    maxBuffer: 64 << 20,
  });
  // The prepare build prints to stdout too: the JSON report is the last top-level array.
  const report = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as {
    filename: string;
    files: { path: string }[];
  }[];
  return {
    dir,
    tarball: path.join(dir, report[0].filename),
    files: report[0].files.map((f) => f.path),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An empty project in the scratch folder with the tarball (and `extra` packages) installed; its path. */
export async function installPacked(packed: Packed, name: string, extra: string[] = []): Promise<string> {
  const consumer = path.join(packed.dir, name);
  mkdirSync(consumer, { recursive: true });
  cpSync(packed.tarball, path.join(consumer, path.basename(packed.tarball)));
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name, private: true }));
  await run(
    'npm',
    ['install', '--prefer-offline', '--omit=dev', `./${path.basename(packed.tarball)}`, ...extra],
    { cwd: consumer, env: cleanEnv, maxBuffer: 32 << 20 },
  );
  return consumer;
}
