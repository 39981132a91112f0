// The gate end to end on throwaway git repositories holding the contract's schema files: exit
// codes, the human report, the JSON report, the version-bump release rule and the unreadable bases.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './cli';
import type { Report } from './report';
import { SCHEMA_FILES } from './surfaces';
import { cleanEnv, commit, git, tempRepos } from './test-support/tempRepo';

const projectRoot = path.join(__dirname, '..');
const repos = tempRepos('tga-gate-cli-');
afterAll(repos.cleanup);

const contract = Object.fromEntries(
  Object.values(SCHEMA_FILES).map((rel) => [rel, readFileSync(path.join(projectRoot, rel), 'utf8')]),
);
const pkg = (version: string) => JSON.stringify({ name: 'fixture', version }, null, 2) + '\n';

/** A repository with the contract at version 0.1.0 and a second commit, so HEAD~1 exists. */
function project(name: string): string {
  const dir = repos.repo(name);
  commit(dir, { ...contract, 'package.json': pkg('0.1.0') }, 'the contract');
  commit(dir, { 'README.md': 'docs\n' }, 'docs');
  return dir;
}

function gate(...argv: string[]) {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const withoutAppHide = () => {
  const names = JSON.parse(contract[SCHEMA_FILES.eventNames]) as { enum: string[] };
  names.enum = names.enum.filter((n) => n !== 'app-hide');
  return JSON.stringify(names, null, 2);
};

/** Writes the files into the working tree for the duration of `fn`, then puts back what was there (or nothing). */
function editing(dir: string, files: Record<string, string>, fn: () => void) {
  const before = Object.keys(files).map(
    (rel) =>
      [
        path.join(dir, rel),
        existsSync(path.join(dir, rel)) ? readFileSync(path.join(dir, rel), 'utf8') : null,
      ] as const,
  );
  for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(dir, rel), text);
  try {
    fn();
  } finally {
    for (const [file, text] of before)
      if (text === null) rmSync(file);
      else writeFileSync(file, text);
  }
}

describe('npm run schema:check-breaking', () => {
  const dir = project('main');

  test('no schema change since the previous commit: PASS, exit 0', () => {
    const r = gate('--root', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/base {2}previous commit HEAD~1 \([0-9a-f]{7}\) · version 0\.1\.0/);
    expect(r.out).toContain('PASS: no breaking change');
  });

  test('an event name removed in the working tree: FAIL, exit 1, with rule, pointer, counterexample and the way out', () => {
    const report = path.join(repos.tmp, 'report.json');
    editing(dir, { [SCHEMA_FILES.eventNames]: withoutAppHide() }, () => {
      const r = gate('--root', dir, '--report-json', report);
      expect(r.code).toBe(1);
      expect(r.out).toContain('BREAKING (1)');
      expect(r.out).toContain('✗ enum-value-removed: an allowed value was removed');
      expect(r.out).toContain('where   event-names.schema.json#/enum');
      expect(r.out).toMatch(/example \{[^\n]*"event_name":"app-hide"/);
      expect(r.out).toContain('set "version" in package.json to 0.2.0');
      const json = JSON.parse(readFileSync(report, 'utf8')) as Report;
      expect(json).toMatchObject({ verdict: 'fail', exitCode: 1, summary: { breaking: 1, nonBreaking: 0 } });
      expect(json.findings[0].counterexample?.rejection).toMatch(
        /must be equal to one of the allowed values/,
      );
      // Both engines report what they did: 4 differences (one event and a batch, as written and strict), each searched and found.
      expect(json.search).toMatchObject({
        seed: 1,
        samples: 300,
        changes: 4,
        aimed: 4,
        aimedFound: 4,
        randomDrawn: 3300,
        unexplained: 0,
      });
      expect(r.out).toContain('structural engine: 4 difference(s) over the 11 schemas');
      expect(r.out).toContain('4 of 4 aimed searches found one; 3,300 random values');
    });
  });

  test('a breaking change with a breaking version bump is accepted (exit 0); a patch bump is not', () => {
    const edit = { [SCHEMA_FILES.eventNames]: withoutAppHide() };
    editing(dir, { ...edit, 'package.json': pkg('0.1.1') }, () => expect(gate('--root', dir).code).toBe(1));
    editing(dir, { ...edit, 'package.json': pkg('0.2.0') }, () => {
      const r = gate('--root', dir);
      expect(r.code).toBe(0);
      expect(r.out).toContain('BREAKING, ACCEPTED (1)');
      expect(r.out).toContain('accepted: the version goes 0.1.0 → 0.2.0, a breaking release');
    });
  });

  test('a committed breaking change fails against the previous commit, as in CI; an explicit --base compares what it names', () => {
    const ci = project('ci');
    commit(ci, { [SCHEMA_FILES.eventNames]: withoutAppHide() }, 'drop app-hide');
    expect(gate('--root', ci).code).toBe(1);
    expect(gate('--root', ci, '--base', 'HEAD').code).toBe(0);
  });

  test('a non-breaking change passes and is listed', () => {
    const event = JSON.parse(contract[SCHEMA_FILES.event]) as { properties: Record<string, unknown> };
    event.properties.locale_v2 = { type: 'string', description: 'added' };
    editing(dir, { [SCHEMA_FILES.event]: JSON.stringify(event) }, () => {
      const r = gate('--root', dir);
      expect(r.code).toBe(0);
      expect(r.out).toContain('NON-BREAKING (2)');
      expect(r.out).toContain('· property-added: an optional field was added');
    });
  });

  test('a definition split out into a new schema file is followed through its $ref: same contract, no finding', () => {
    const event = JSON.parse(contract[SCHEMA_FILES.event]) as {
      $id: string;
      properties: Record<string, unknown>;
    };
    const wallet = {
      $id: event.$id.replace('event.schema.json', 'wallet.schema.json'),
      ...(event.properties.wallet_address as object),
    };
    event.properties.wallet_address = { $ref: 'wallet.schema.json' };
    const files = {
      [SCHEMA_FILES.event]: JSON.stringify(event),
      'schema/wallet.schema.json': JSON.stringify(wallet),
    };
    editing(dir, files, () => {
      const r = gate('--root', dir);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('No differences in what the schemas accept or answer.');
    });
  });

  test('a base that cannot be read is said and passes: first commit, shallow clone', () => {
    const first = repos.repo('first');
    commit(first, { ...contract, 'package.json': pkg('0.1.0') });
    const r = gate('--root', first);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^schema:check-breaking: nothing compared — .*first commit/);
    const shallow = path.join(repos.tmp, 'shallow');
    git(repos.tmp, 'clone', '-q', '--depth', '1', `file://${dir}`, shallow);
    expect(gate('--root', shallow)).toMatchObject({ code: 0, out: expect.stringMatching(/shallow/) });
  });

  test('bad input exits 2 with a reason: an unknown --base, a bad flag, an unreadable schema', () => {
    const errorReport = path.join(repos.tmp, 'error-report.json');
    const unknown = gate('--root', dir, '--base', 'no-such-branch', '--report-json', errorReport);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no-such-branch does not name a commit');
    // Worded as the error it is, not as a skip: CI must not read a typo as "nothing to compare".
    expect(unknown.err).toMatch(/^schema:check-breaking: error — no-such-branch/);
    expect(JSON.parse(readFileSync(errorReport, 'utf8'))).toMatchObject({ verdict: 'error', exitCode: 2 });
    expect(gate('--root', dir, '--samples', '-1')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--samples'),
    });
    expect(gate('--frobnicate')).toMatchObject({
      code: 2,
      err: 'schema:check-breaking: unknown flag --frobnicate (see schema:check-breaking --help)\n',
    });
    expect(gate('--root', dir, '--base')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--base needs a value'),
    });
    const badPattern = JSON.parse(contract[SCHEMA_FILES.event]) as { properties: Record<string, object> };
    badPattern.properties.platform = { type: 'string', pattern: '([unclosed' };
    editing(dir, { [SCHEMA_FILES.event]: JSON.stringify(badPattern) }, () => {
      const r = gate('--root', dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^schema:check-breaking: cannot compare the schemas: .*\(\[unclosed/);
    });
    editing(dir, { [SCHEMA_FILES.event]: '{ not json' }, () => {
      const r = gate('--root', dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain('schema/event.schema.json (working tree) is not a readable schema');
    });
    expect(gate('--root', repos.tmp)).toMatchObject({
      code: 2,
      err: expect.stringContaining('no schema/request.schema.json'),
    });
    expect(gate('--help')).toMatchObject({ code: 0, out: expect.stringContaining('--base GIT_REF') });
    expect(gate('--version')).toMatchObject({
      code: 0,
      out: `${(JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version}\n`,
    });
  });

  test('the npm script runs the gate as a process', () => {
    const r = spawnSync(
      'npm',
      ['run', '-s', 'schema:check-breaking', '--', '--root', dir, '--base', 'HEAD~1'],
      {
        cwd: projectRoot,
        env: cleanEnv,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('PASS: no breaking change');
  });
});
