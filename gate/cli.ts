// npm run schema:check-breaking -- [--base GIT_REF] [--report-json FILE] [--seed N] [--samples N] [--root DIR]
// tga-schema-gate (the contract package's command, bin.ts): the same, or --old PATH --new PATH
//
// Compares the request and response schemas at a git ref with the working tree (or two schema
// folders or files anywhere) and fails (exit 1) on a change that would break clients or servers
// already in the field, unless package.json's version was raised in a way semver calls breaking in
// the same change. Exit 0: nothing breaking, the breaking change was released deliberately, or the
// default base cannot be read (said so). Exit 2: bad flags, a base or path that cannot be read
// (verdict "error"), an unreadable schema.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { judge } from './gate';
import { openBase } from './gitBase';
import { openPath } from './pathSource';
import { formatText, type Report } from './report';
import { isBreakingRelease } from './semver';
import { loadSurfaces, type ReadFile, type Surface } from './surfaces';
import { RefError } from '../schema/json/resolveRefs';
import { SchemaFileError } from './surfaces';
import {
  helpText,
  number,
  option,
  readCommandLine,
  str,
  usageError,
  versionText,
  type CliSpec,
  type OptionValues,
} from '../cli-kit';

export const GATE_CLI = {
  name: 'schema:check-breaking',
  synopsis: ['[options]    (npm run schema:check-breaking -- [options])'],
  summary: 'Compares the request and response schemas at a git ref (the base) with the working tree.',
  table: [
    option({
      key: 'base',
      valueName: 'GIT_REF',
      parse: str,
      defaultText: 'the merge base with main, or HEAD~1 on main',
      help: 'the base',
    }),
    option({ key: 'reportJson', valueName: 'FILE', parse: str, help: 'also write the findings as JSON' }),
    option({
      key: 'seed',
      valueName: 'N',
      default: 1,
      parse: number(Number.isSafeInteger, 'an integer'),
      help: 'seed of the counterexample search',
    }),
    option({
      key: 'samples',
      valueName: 'N',
      default: 300,
      parse: number((n) => Number.isInteger(n) && n >= 0 && n <= 100_000, 'an integer, 0 to 100000'),
      help: 'random values drawn per schema',
    }),
    option({
      key: 'root',
      valueName: 'DIR',
      defaultText: 'the current directory',
      parse: str,
      help: 'the checkout to check',
    }),
    option({
      key: 'old',
      valueName: 'PATH',
      parse: str,
      help: 'instead of a checkout: the old schemas (a folder of schema files, a checkout, or a request schema file)',
    }),
    option({
      key: 'new',
      valueName: 'PATH',
      parse: str,
      help: 'with --old: the new schemas, read the same way',
    }),
  ],
  notes: [
    'Exit 0 when nothing breaks, when the breaking change comes with a breaking version bump, or when\n' +
      'the default base cannot be read (a shallow clone, the first commit); exit 1 on an unreleased\n' +
      'breaking change; exit 2 on bad input (a --base, --old or --new that cannot be read: "error").',
  ],
} satisfies CliSpec;

type Args = OptionValues<typeof GATE_CLI.table>;

function versionIn(text: string | null): string | null {
  try {
    const v = text === null ? undefined : (JSON.parse(text) as { version?: unknown }).version;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

function listSchemaFiles(root: string): string[] {
  try {
    return readdirSync(path.join(root, 'schema'))
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => `schema/${f}`);
  } catch {
    return []; // no schema/ at all: reported below as a missing request schema
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** One side of the comparison: where its files are read from and how it is named. */
interface Side {
  read: ReadFile;
  /** For messages about its files: `working tree`, `base HEAD~1 (abc1234)`, `--old PATH`. */
  where: string;
  strictFrom: 'generated' | 'derive';
  schemaFiles: string[];
}

const load = (s: Side) => loadSurfaces(s.read, s.where, s.strictFrom, s.schemaFiles);

type Sides =
  | {
      ok: true;
      base: Side;
      head: Side;
      /** The head's surfaces, loaded before the base is opened: a broken head schema is exit 2 whatever the base. */
      headSurfaces: Surface[];
      baseInfo: Omit<NonNullable<Report['base']>, 'version'>;
      headLabel: string;
    }
  | { ok: false; report: Report }
  | { ok: false; message: string };

const TOOL = 'tga-contract schema:check-breaking';

function stopped(verdict: 'skipped' | 'error', reason: string): Sides {
  return {
    ok: false,
    report: { tool: TOOL, verdict, exitCode: verdict === 'error' ? 2 : 0, reason, findings: [] },
  };
}

/** --base mode: the checkout at `root` and one of its commits. */
function checkoutSides(args: Args): Sides {
  const root = path.resolve(args.root ?? '.');
  const readHead: ReadFile = (rel) => {
    try {
      return readFileSync(path.join(root, rel), 'utf8');
    } catch {
      return null;
    }
  };
  // Every schema file of the working tree, so a $ref to a newly split-out file is followed.
  const schemaFiles = listSchemaFiles(root);
  const head: Side = { read: readHead, where: 'working tree', strictFrom: 'derive', schemaFiles };
  const headSurfaces = load(head);
  if (!headSurfaces) return { ok: false, message: `no schema/request.schema.json under ${root}` };
  const base = openBase(root, args.base);
  // A --base the user typed that names nothing is their mistake: an error, not a pass.
  if (!base.ok) return stopped(base.fatal ? 'error' : 'skipped', base.message);
  return {
    ok: true,
    head,
    headSurfaces,
    base: { read: base.readFile, where: `base ${base.label}`, strictFrom: 'generated', schemaFiles },
    baseInfo: { ref: base.ref, label: base.label, commit: base.commit },
    headLabel: `working tree (${root})`,
  };
}

/** --old/--new mode: two paths anywhere, no git. */
function pathSides(oldPath: string, newPath: string): Sides {
  const [old, cur] = [openPath(oldPath, '--old'), openPath(newPath, '--new')];
  if ('error' in old) return stopped('error', `${old.error}.`);
  if ('error' in cur) return stopped('error', `${cur.error}.`);
  const head: Side = {
    read: cur.read,
    where: `--new ${cur.label}`,
    strictFrom: 'derive',
    schemaFiles: cur.schemaFiles,
  };
  return {
    ok: true,
    head,
    headSurfaces: load(head)!, // openPath found its request schema
    base: {
      read: old.read,
      where: `--old ${old.label}`,
      strictFrom: old.lone ? 'derive' : 'generated',
      schemaFiles: old.schemaFiles,
    },
    baseInfo: { path: old.path, label: old.label },
    headLabel: cur.label,
  };
}

function finish(report: Report, args: Args, io: Io, name: string): number {
  // A comparison that could not run because of the user's input is an error, and reads as one.
  (report.exitCode === 2 ? io.err : io.out)(formatText(report, name));
  if (args.reportJson) {
    const file = path.resolve(args.reportJson);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  }
  return report.exitCode;
}

export function run(argv: string[], io: Io, name: string = GATE_CLI.name): number {
  const spec = { ...GATE_CLI, name };
  const line = readCommandLine(spec, argv);
  const args = line.kind === 'run' ? line.values : undefined;
  const misuse =
    line.kind === 'error'
      ? line.error
      : args && (args.old === undefined) !== (args.new === undefined)
        ? '--old and --new go together'
        : args?.old !== undefined && (args.base !== undefined || args.root !== undefined)
          ? '--old/--new compare two paths: --base and --root are for a checkout'
          : undefined;
  if (misuse !== undefined) {
    io.err(`${usageError(spec, misuse)}\n`);
    return 2;
  }
  if (!args) {
    io.out(`${line.kind === 'help' ? helpText(spec) : versionText()}\n`);
    return 0;
  }
  try {
    const sides = args.old !== undefined ? pathSides(args.old, args.new!) : checkoutSides(args);
    if (!sides.ok) {
      if ('report' in sides) return finish(sides.report, args, io, name);
      io.err(`${name}: ${sides.message}\n`);
      return 2;
    }
    const head = sides.headSurfaces;
    const baseSurfaces = load(sides.base);
    if (!baseSurfaces) {
      const reason = `the base ${sides.baseInfo.label} has no schema/request.schema.json, so there is nothing to compare against.`;
      return finish({ tool: TOOL, verdict: 'skipped', exitCode: 0, reason, findings: [] }, args, io, name);
    }
    const { findings, stats } = judge(baseSurfaces, head, { seed: args.seed, samples: args.samples });
    const [baseVersion, headVersion] = [
      versionIn(sides.base.read('package.json')),
      versionIn(sides.head.read('package.json')),
    ];
    const breaking = findings.filter((f) => f.breaking).length;
    const release =
      baseVersion !== null && headVersion !== null && isBreakingRelease(baseVersion, headVersion);
    const verdict = breaking === 0 ? 'pass' : release ? 'accepted' : 'fail';
    return finish(
      {
        tool: TOOL,
        verdict,
        exitCode: verdict === 'fail' ? 1 : 0,
        base: { ...sides.baseInfo, version: baseVersion },
        head: { label: sides.headLabel, version: headVersion },
        breakingRelease: release,
        search: { seed: args.seed, samples: args.samples, ...stats },
        surfaces: head.map((s) => s.id),
        summary: { breaking, nonBreaking: findings.length - breaking },
        findings,
      },
      args,
      io,
      name,
    );
  } catch (err) {
    // Exit 1 means "breaking"; anything that stopped the comparison is exit 2, said plainly.
    const known = err instanceof RefError || err instanceof SchemaFileError;
    const message = err instanceof Error ? err.message : String(err);
    io.err(`${name}: ${known ? '' : 'cannot compare the schemas: '}${message}\n`);
    return 2;
  }
}

if (require.main === module) {
  const code = run(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}
