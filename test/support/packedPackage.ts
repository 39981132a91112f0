// The packages as users get them: `npm run release` in a copy of the working tree (it builds dist/,
// and the repository's own dist/ may be in use by other tests) writes the two release tarballs,
// tga-contract and tga-conformance (scripts/release/), and a test installs them into an empty
// folder. Shared by every packed-package test: within one Jest run the tarballs are made once and
// the bare install (the contract tarball alone) made once, by whichever test file asks first (the
// others, possibly in other workers, wait for it); a file run on its own packs on demand all the same.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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

/** The run's scratch folder (scripts/jest-global-setup.js makes it, its teardown removes it). */
export const RUN_DIR_ENV = 'PACKED_RUN_DIR';

export interface Tarball {
  tarball: string;
  /** Every path in the tarball, relative to the package root (npm pack --json). */
  files: string[];
}

/** The contract package's tarball (`tarball`, `files`) and the suite's (`suite`). */
export interface Packed extends Tarball {
  /** The scratch folder holding the tarballs and any consumer. */
  dir: string;
  suite: Tarball;
  /** Removes the folder when it is this test file's own; the run's shared one outlives the file. */
  cleanup(): void;
}

type Made = Tarball & { suite: Tarball };

async function packInto(dir: string): Promise<Made> {
  const src = path.join(dir, 'src');
  const skipped = /^\/(node_modules|dist|\.git|\.artifacts|coverage)(\/|$)|\.tgz$/;
  cpSync(ROOT, src, { recursive: true, filter: (p) => !skipped.test(p.slice(ROOT.length)) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  const { stdout } = await run('npm', ['run', '-s', 'release', '--', '--out', dir, '--json'], {
    cwd: src,
    env: cleanEnv,
    maxBuffer: 64 << 20,
  });
  // The build prints nothing when it passes: the one line is the release report.
  const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as ({ name: string } & Tarball)[];
  const of = (name: string): Tarball => {
    const found = report.find((p) => p.name === name);
    if (!found) throw new Error(`npm run release made no ${name} tarball:\n${stdout}`);
    return { tarball: found.tarball, files: found.files };
  };
  return { ...of('tga-contract'), suite: of('tga-conformance') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `make()`'s result, made once per `dir` across processes: the first caller takes a lock folder and
 * writes the result (or its failure) to a file; every other caller waits for that file.
 */
async function once<T>(dir: string, key: string, make: () => Promise<T>): Promise<T> {
  const done = path.join(dir, `${key}.json`);
  const failed = path.join(dir, `${key}.failed`);
  if (!takeLock(path.join(dir, `${key}.lock`))) {
    for (let waited = 0; waited < 600_000; waited += 100) {
      if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as T;
      if (existsSync(failed))
        throw new Error(`${key} failed in another test file:\n${readFileSync(failed, 'utf8')}`);
      await sleep(100);
    }
    throw new Error(`${key}: still not made by another test file after 10 minutes`);
  }
  try {
    const value = await make();
    // Written whole, then renamed: a waiter never reads half a file.
    writeFileSync(`${done}.tmp`, JSON.stringify(value));
    renameSync(`${done}.tmp`, done);
    return value;
  } catch (error) {
    writeFileSync(failed, String((error as Error).stack ?? error));
    throw error;
  }
}

/** Creating a folder is atomic: true for the one caller that made it, false when it existed. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The tarballs of this Jest run (packed by the first test file that asks), or this file's own. */
export async function packedTarball(prefix: string): Promise<Packed> {
  const shared = process.env[RUN_DIR_ENV];
  if (shared && existsSync(shared)) {
    const made = await once(shared, 'pack', () => packInto(shared));
    return { dir: shared, ...made, cleanup: () => {} };
  }
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    const made = await packInto(dir);
    return { dir, ...made, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * An empty project in the scratch folder with the contract tarball (and the suite's, with
 * `suite`, and `extra` packages) installed; its path.
 */
export async function installPacked(
  packed: Packed,
  name: string,
  extra: string[] = [],
  { suite = false } = {},
): Promise<string> {
  const consumer = path.join(packed.dir, name);
  mkdirSync(consumer, { recursive: true });
  const tarballs = [packed.tarball, ...(suite ? [packed.suite.tarball] : [])].map((t) => {
    cpSync(t, path.join(consumer, path.basename(t)));
    return `./${path.basename(t)}`;
  });
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name, private: true }));
  await run('npm', ['install', '--prefer-offline', '--omit=dev', ...tarballs, ...extra], {
    cwd: consumer,
    env: cleanEnv,
    maxBuffer: 32 << 20,
  });
  return consumer;
}

/**
 * A project folder of its own, `name`, with the contract tarball alone installed: the install is made once
 * in the scratch folder and every such project's node_modules links to it. Its path.
 */
export async function bareConsumer(packed: Packed, name: string): Promise<string> {
  const installed = await once(packed.dir, 'bare-install', () => installPacked(packed, 'bare-install'));
  const consumer = path.join(packed.dir, name);
  mkdirSync(consumer);
  cpSync(path.join(installed, 'package.json'), path.join(consumer, 'package.json'));
  symlinkSync(path.join(installed, 'node_modules'), path.join(consumer, 'node_modules'), 'dir');
  return consumer;
}

/**
 * Copies packages from this repository's node_modules into the project at `dir` (what the
 * registry would give it, without a registry), links resolved.
 */
export function copyFromRepo(dir: string, packages: string[]): void {
  for (const pkg of packages)
    cpSync(path.join(ROOT, 'node_modules', pkg), path.join(dir, 'node_modules', pkg), {
      recursive: true,
      dereference: true,
    });
}
