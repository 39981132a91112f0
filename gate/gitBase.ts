// Where the breaking-change gate reads the "before" schemas from: one commit of the checkout,
// read through git without touching the work tree, the index or any ref. When there is no such
// commit (not a repository, a shallow CI clone, the first commit) the caller is told why, so it can
// say so and pass: a gate that cannot see the past has nothing to compare (issue 7).
import { execFileSync } from 'node:child_process';

export type BaseSource =
  | { ok: true; ref: string; label: string; commit: string; readFile(rel: string): string | null }
  | {
      ok: false;
      reason: 'not-a-repo' | 'shallow' | 'first-commit' | 'unknown-ref';
      message: string;
      fatal: boolean;
    };

/** `status` is git's exit code (null when git could not be started). */
type Git = (args: string[]) => { ok: boolean; status: number | null; out: string; err: string };

// Variables a git hook (or a wrapper) sets would make git read another repository than `root`,
// so the repository is always found from `root` itself.
const REPO_LOCATING_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

function gitIn(root: string): Git {
  const env = { ...process.env };
  for (const name of REPO_LOCATING_ENV) delete env[name];
  return (args) => {
    try {
      const out = execFileSync('git', args, {
        cwd: root,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
      return { ok: true, status: 0, out, err: '' };
    } catch (e) {
      const failure = e as { status?: number | null; stderr?: string; message: string };
      return {
        ok: false,
        status: failure.status ?? null,
        out: '',
        err: (failure.stderr || failure.message).trim(),
      };
    }
  };
}

const NOTHING = 'so the breaking-change gate compares nothing';
const short = (sha: string) => sha.slice(0, 7);

/** The full sha `ref` names, or null. A ref starting with `-` would be read as an option: never one. */
function resolve(git: Git, ref: string): string | null {
  if (ref.startsWith('-')) return null;
  const r = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return r.ok ? r.out.trim() : null;
}

type Target = { ref: string; label: (sha: string) => string };

/** The default: the merge base with `main`, or the previous commit when that is HEAD itself. */
function defaultTarget(git: Git, head: string): Target {
  const main = ['heads/main', 'remotes/origin/main'].find((r) => resolve(git, `refs/${r}`));
  if (main) {
    const name = main.replace(/^\w+\//, '');
    const mb = git(['merge-base', 'HEAD', `refs/${main}`]);
    const sha = mb.ok ? mb.out.trim() : '';
    if (sha && sha !== head) return { ref: sha, label: (s) => `merge base with ${name} (${short(s)})` };
  }
  return { ref: 'HEAD~1', label: (s) => `previous commit HEAD~1 (${short(s)})` };
}

export function openBase(root: string, ref?: string): BaseSource {
  const git = gitIn(root);
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.out.trim() !== 'true') {
    const why =
      inside.status === null
        ? ' (git could not be run)'
        : inside.err
          ? ` (git: ${inside.err.split('\n')[0]})`
          : '';
    const message = `${root} is not a git checkout${why}, ${NOTHING}.`;
    return { ok: false, reason: 'not-a-repo', fatal: false, message };
  }
  const head = resolve(git, 'HEAD');
  const target: Target | null =
    ref !== undefined
      ? { ref, label: (s) => `${ref} (${short(s)})` }
      : head
        ? defaultTarget(git, head)
        : null;
  const commit = target && resolve(git, target.ref);
  if (target && commit)
    return { ok: true, ref: target.ref, label: target.label(commit), commit, readFile: reader(git, commit) };

  const name = target?.ref ?? 'HEAD~1';
  if (git(['rev-parse', '--is-shallow-repository']).out.trim() === 'true') {
    const message = `${name} is not in this shallow clone, ${NOTHING}; fetch the history with \`git fetch --unshallow\` (or a larger \`--depth\`) to run it.`;
    return { ok: false, reason: 'shallow', fatal: false, message };
  }
  const count = head ? git(['rev-list', '--count', 'HEAD']).out.trim() : '0';
  if (count === '0' || count === '1') {
    const what = count === '0' ? 'this repository has no commits yet' : 'HEAD is the first commit';
    return {
      ok: false,
      reason: 'first-commit',
      fatal: false,
      message: `${what} and ${name} does not exist, ${NOTHING}.`,
    };
  }
  // A default base that does not resolve (an orphan branch, say) is not the user's mistake;
  // a --base they typed is, and CI should not pass silently on a typo.
  const message = `${name} does not name a commit in this repository, ${NOTHING}.`;
  return { ok: false, reason: 'unknown-ref', fatal: ref !== undefined, message };
}

function reader(git: Git, commit: string): (rel: string) => string | null {
  return (rel) => {
    // `<commit>:./path` is relative to `root`; with --quiet, rev-parse exits 1 only when the path
    // is absent, 128 on real failures.
    const spec = `${commit}:./${rel.replace(/^\.\//, '')}`;
    const found = git(['rev-parse', '--verify', '--quiet', spec]);
    if (found.status === 1) return null;
    const blob = found.ok ? git(['cat-file', 'blob', found.out.trim()]) : found;
    if (!blob.ok) throw new Error(`git could not read ${rel} at ${short(commit)}: ${blob.err}`);
    return blob.out;
  };
}
