import { mkdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openBase, type BaseSource } from './gitBase';
import { commit, git, tempRepos } from './test-support/tempRepo';

// Every repository here is a throwaway under the OS temp dir; git never sees the project's own.
const repos = tempRepos('tga-gitbase-');
const { tmp, repo } = repos;

function expectOk(base: BaseSource): Extract<BaseSource, { ok: true }> {
  if (!base.ok) throw new Error(`expected a readable base, got ${base.reason}: ${base.message}`);
  return base;
}

// main: c1 → c2 → c3, each changing schema/a.json; schema/new.json appears in c2.
const linear = repo('linear');
const c1 = commit(linear, { 'schema/a.json': 'v1', 'README.md': 'r' });
const c2 = commit(linear, { 'schema/a.json': 'v2', 'schema/new.json': 'n' });
commit(linear, { 'schema/a.json': 'v3' });

afterAll(repos.cleanup);

describe('a readable base', () => {
  test('an explicit ref reads each file as it was at that commit', () => {
    const base = expectOk(openBase(linear, 'HEAD~2'));
    expect(base).toMatchObject({ ref: 'HEAD~2', commit: c1, label: `HEAD~2 (${c1.slice(0, 7)})` });
    expect(base.readFile('schema/a.json')).toBe('v1');
    expect(base.readFile('./README.md')).toBe('r');
    expect(expectOk(openBase(linear, c2)).readFile('schema/a.json')).toBe('v2');
  });

  test('a file absent at the base reads as null; a directory is an error, not an absence', () => {
    const base = expectOk(openBase(linear, 'HEAD~2'));
    expect(base.readFile('schema/new.json')).toBeNull();
    expect(base.readFile('nowhere/at/all.json')).toBeNull();
    expect(() => base.readFile('schema')).toThrow(/could not read schema/);
  });

  test('on main, the default base is the previous commit', () => {
    const base = expectOk(openBase(linear));
    expect(base).toMatchObject({
      ref: 'HEAD~1',
      commit: c2,
      label: `previous commit HEAD~1 (${c2.slice(0, 7)})`,
    });
    expect(base.readFile('schema/a.json')).toBe('v2');
  });

  test('on a feature branch, the default base is the merge base with main, not main as it is now', () => {
    const dir = repo('feature');
    const fork = commit(dir, { 'schema/a.json': 'at fork' });
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit(dir, { 'schema/a.json': 'feature 1' });
    commit(dir, { 'schema/a.json': 'feature 2' });
    git(dir, 'checkout', '-q', 'main');
    commit(dir, { 'schema/a.json': 'main after fork' });
    git(dir, 'checkout', '-q', 'feature');

    const base = expectOk(openBase(dir));
    expect(base).toMatchObject({ commit: fork, label: `merge base with main (${fork.slice(0, 7)})` });
    expect(base.readFile('schema/a.json')).toBe('at fork');

    // A CI checkout often has no local main, only origin/main.
    const clone = join(tmp, 'feature-clone');
    git(tmp, 'clone', '-q', '--branch', 'feature', dir, clone);
    expect(git(clone, 'branch', '--list', 'main')).toBe('');
    expect(expectOk(openBase(clone))).toMatchObject({
      commit: fork,
      label: `merge base with origin/main (${fork.slice(0, 7)})`,
    });
  });

  test('reading leaves the repository as it was, whatever GIT_DIR the caller inherited', () => {
    const before = git(linear, 'for-each-ref');
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = join(tmp, 'feature', '.git');
    try {
      expect(expectOk(openBase(linear, 'HEAD~2')).readFile('schema/a.json')).toBe('v1');
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
    expect(git(linear, 'status', '--porcelain')).toBe('');
    expect(git(linear, 'for-each-ref')).toBe(before);
  });
});

describe('no readable base', () => {
  test.each([
    ['the default base', undefined],
    ['an explicit HEAD~1', 'HEAD~1'],
  ])('the first commit, with %s: not fatal', (_, ref) => {
    const dir = join(tmp, `first-${ref ?? 'default'}`);
    mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    commit(dir, { 'schema/a.json': 'v1' });
    expect(openBase(dir, ref)).toMatchObject({ ok: false, reason: 'first-commit', fatal: false });
    expect((openBase(dir, ref) as { message: string }).message).toMatch(/first commit.*compares nothing/);
  });

  test('a repository with no commits at all is a first commit too', () => {
    const base = openBase(repo('empty'));
    expect(base).toMatchObject({ ok: false, reason: 'first-commit', fatal: false });
  });

  test.each([undefined, 'HEAD~2'])('a shallow clone (base %s) says so and how to fetch history', (ref) => {
    const dir = join(tmp, `shallow-${ref ?? 'default'}`);
    git(tmp, 'clone', '-q', '--depth', '1', `file://${linear}`, dir);
    const base = openBase(dir, ref);
    expect(base).toMatchObject({ ok: false, reason: 'shallow', fatal: false });
    expect((base as { message: string }).message).toMatch(/shallow.*git fetch --unshallow/);
  });

  test('a directory that is not a git checkout', () => {
    const dir = join(tmp, 'plain');
    mkdirSync(dir);
    const saved = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = tmp; // in case the temp dir sits inside some repository
    try {
      const base = openBase(dir);
      expect(base).toMatchObject({ ok: false, reason: 'not-a-repo', fatal: false });
      expect((base as { message: string }).message).toContain('compares nothing');
    } finally {
      if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = saved;
    }
  });

  test.each(['no-such-branch', 'HEAD~99', '--output=x'])(
    'an unknown explicit ref %j is fatal and named',
    (ref) => {
      const base = openBase(linear, ref);
      expect(base).toMatchObject({ ok: false, reason: 'unknown-ref', fatal: true });
      expect((base as { message: string }).message).toContain(ref);
    },
  );

  test('an unknown default base (its commit lost from a broken clone) is reported, not fatal', () => {
    const dir = repo('broken');
    const lost = commit(dir, { 'schema/a.json': 'v1' });
    commit(dir, { 'schema/a.json': 'v2' });
    unlinkSync(join(dir, '.git', 'objects', lost.slice(0, 2), lost.slice(2)));
    const base = openBase(dir);
    expect(base).toMatchObject({ ok: false, reason: 'unknown-ref', fatal: false });
    expect((base as { message: string }).message).toContain('HEAD~1');
  });
});
