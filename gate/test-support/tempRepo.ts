// Throwaway git repositories under the OS temp dir for the gate's tests: git never sees the
// project's own repository (GIT_* variables from a hook are dropped, hooks are off).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')),
);

export function git(dir: string, ...args: string[]): string {
  const opts = [
    '-c',
    'user.name=Test',
    '-c',
    'user.email=test@example.invalid',
    '-c',
    'commit.gpgsign=false',
  ];
  return execFileSync('git', [...opts, '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: dir,
    env: cleanEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Writes the files (path relative to the repo → text) and commits them; returns the new commit's sha. */
export function commit(dir: string, files: Record<string, string>, message = 'change'): string {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  git(dir, 'add', '--', ...Object.keys(files));
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** A temp directory for repositories; `repo(name)` makes an empty one on branch main. Call `cleanup` in afterAll. */
export function tempRepos(prefix: string) {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  return {
    tmp,
    repo(name: string): string {
      const dir = join(tmp, name);
      mkdirSync(dir);
      git(dir, 'init', '-q', '-b', 'main');
      return dir;
    },
    cleanup: () => rmSync(tmp, { recursive: true, force: true }),
  };
}
