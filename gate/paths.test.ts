// The gate on two schema folders or files anywhere (--old PATH --new PATH): no git, the same rules,
// counterexamples, exit codes and JSON report as against a commit; a path that cannot be read is an
// error (exit 2), and the flags of the two modes do not mix.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from './cli';
import type { Report } from './report';
import { SCHEMA_FILES } from './surfaces';

const projectRoot = path.join(__dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tga-gate-paths-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function gate(...argv: string[]) {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t) }, 'tga-schema-gate');
  return { code, out, err };
}

/** A copy of schema/ (its *.schema.json and generated/) at `name`, with `edit` applied to its files. */
function schemaFolder(name: string, edit: (file: string, json: Record<string, unknown>) => void = () => {}) {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const rel of Object.values(SCHEMA_FILES)) {
    const to = path.join(dir, rel.replace(/^schema\//, ''));
    mkdirSync(path.dirname(to), { recursive: true });
    const json = JSON.parse(readFileSync(path.join(projectRoot, rel), 'utf8')) as Record<string, unknown>;
    edit(rel, json);
    writeFileSync(to, JSON.stringify(json, null, 2));
  }
  return dir;
}

const dropAppHide = (file: string, json: Record<string, unknown>) => {
  if (file === SCHEMA_FILES.eventNames) json.enum = (json.enum as string[]).filter((n) => n !== 'app-hide');
};

test('two identical folders: PASS, exit 0, the JSON report names the paths', () => {
  const report = path.join(tmp, 'same.json');
  const r = gate('--old', schemaFolder('a'), '--new', schemaFolder('b'), '--report-json', report);
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(r.out).toMatch(/^tga-schema-gate: request and response schemas, base → head/);
  expect(r.out).toContain('PASS: no breaking change');
  const json = JSON.parse(readFileSync(report, 'utf8')) as Report;
  expect(json).toMatchObject({ verdict: 'pass', exitCode: 0, base: { path: path.join(tmp, 'a') } });
  expect(json.surfaces).toHaveLength(11);
});

test('an event name removed: FAIL, exit 1, with the rule and a counterexample', () => {
  const report = path.join(tmp, 'removed.json');
  const r = gate(
    '--old',
    schemaFolder('c'),
    '--new',
    schemaFolder('d', dropAppHide),
    '--report-json',
    report,
  );
  expect(r.code).toBe(1);
  expect(r.out).toContain('✗ enum-value-removed: an allowed value was removed');
  expect(r.out).toMatch(/example \{[^\n]*"event_name":"app-hide"/);
  const json = JSON.parse(readFileSync(report, 'utf8')) as Report;
  expect(json).toMatchObject({ verdict: 'fail', exitCode: 1, summary: { breaking: 1 } });
  // The reverse is an enum value added: not breaking for the request side.
  expect(gate('--old', path.join(tmp, 'd'), '--new', path.join(tmp, 'c')).code).toBe(0);
});

test('checkouts holding schema/: their package.json versions decide a deliberate release', () => {
  const checkout = (name: string, version: string, edit?: typeof dropAppHide) => {
    const dir = path.join(tmp, name);
    mkdirSync(dir);
    cpSync(schemaFolder(`${name}-schema`, edit), path.join(dir, 'schema'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version }));
    return dir;
  };
  const old = checkout('v1', '1.4.0');
  expect(gate('--old', old, '--new', checkout('v1-patch', '1.4.1', dropAppHide)).code).toBe(1);
  const major = gate('--old', old, '--new', checkout('v2', '2.0.0', dropAppHide));
  expect(major.code).toBe(0);
  expect(major.out).toContain('accepted: the version goes 1.4.0 → 2.0.0, a breaking release');
});

test('two request schema files: compared with the schemas of their folders', () => {
  const dir = schemaFolder('files');
  const request = JSON.parse(readFileSync(path.join(dir, 'request.schema.json'), 'utf8')) as {
    anyOf?: unknown[];
  };
  writeFileSync(path.join(dir, 'request.v1.json'), JSON.stringify(request));
  writeFileSync(path.join(dir, 'request.v2.json'), JSON.stringify({ ...request, maxItems: 5 }));
  const r = gate('--old', path.join(dir, 'request.v1.json'), '--new', path.join(dir, 'request.v2.json'));
  expect(r.err).toBe('');
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/✗ [\w-]+: /);
});

test('a path that cannot be read is an error (exit 2, verdict "error"); the two modes do not mix', () => {
  const report = path.join(tmp, 'missing.json');
  const missing = gate(
    '--old',
    path.join(tmp, 'nowhere'),
    '--new',
    schemaFolder('e'),
    '--report-json',
    report,
  );
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/^tga-schema-gate: error — --old .*nowhere does not exist/);
  expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ verdict: 'error', exitCode: 2 });
  const empty = path.join(tmp, 'empty');
  mkdirSync(empty);
  expect(gate('--old', schemaFolder('f'), '--new', empty)).toMatchObject({
    code: 2,
    err: expect.stringContaining('--new'),
  });
  expect(gate('--old', empty)).toMatchObject({
    code: 2,
    err: 'tga-schema-gate: --old and --new go together (see tga-schema-gate --help)\n',
  });
  expect(gate('--old', empty, '--new', empty, '--base', 'HEAD').err).toContain(
    '--base and --root are for a checkout',
  );
});
