// npm run schema:check-breaking -- [--base GIT_REF] [--report-json FILE] [--seed N] [--samples N] [--root DIR]
//
// Compares the request and response schemas at a git ref with the working tree and fails (exit 1)
// on a change that would break clients or servers already in the field, unless package.json's
// version was raised in a way semver calls breaking in the same change. Exit 0: nothing breaking,
// the breaking change was released deliberately, or the base cannot be read (said so). Exit 2: bad
// flags or an unreadable schema.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { judge } from './gate';
import { openBase } from './gitBase';
import { formatText, type Report } from './report';
import { isBreakingRelease } from './semver';
import { loadSurfaces, type ReadFile } from './surfaces';
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
      default: '.',
      defaultText: 'the current directory',
      parse: str,
      help: 'the checkout to check',
    }),
  ],
  notes: [
    'Exit 0 when nothing breaks, when the breaking change comes with a breaking version bump, or when\n' +
      'the base cannot be read; exit 1 on an unreleased breaking change; exit 2 on bad input.',
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

function finish(report: Report, args: Args, io: Io): number {
  // A comparison that could not run because of the user's input is an error, and reads as one.
  (report.exitCode === 2 ? io.err : io.out)(formatText(report));
  if (args.reportJson) {
    const file = path.resolve(args.reportJson);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  }
  return report.exitCode;
}

export function run(argv: string[], io: Io): number {
  const line = readCommandLine(GATE_CLI, argv);
  if (line.kind === 'error') {
    io.err(`${usageError(GATE_CLI, line.error)}\n`);
    return 2;
  }
  if (line.kind !== 'run') {
    io.out(`${line.kind === 'help' ? helpText(GATE_CLI) : versionText()}\n`);
    return 0;
  }
  const args = line.values;
  const root = path.resolve(args.root);
  const readHead: ReadFile = (rel) => {
    try {
      return readFileSync(path.join(root, rel), 'utf8');
    } catch {
      return null;
    }
  };
  try {
    // Every schema file of the working tree, so a $ref to a newly split-out file is followed.
    const schemaFiles = listSchemaFiles(root);
    const head = loadSurfaces(readHead, 'working tree', 'derive', schemaFiles);
    if (!head) {
      io.err(`schema:check-breaking: no schema/request.schema.json under ${root}\n`);
      return 2;
    }
    const base = openBase(root, args.base);
    if (!base.ok)
      return finish(
        {
          tool: 'tga-contract schema:check-breaking',
          verdict: 'skipped',
          exitCode: base.fatal ? 2 : 0,
          reason: base.message,
          findings: [],
        },
        args,
        io,
      );
    const baseSurfaces = loadSurfaces(base.readFile, `base ${base.label}`, 'generated', schemaFiles);
    if (!baseSurfaces) {
      const reason = `the base ${base.label} has no schema/request.schema.json, so there is nothing to compare against.`;
      return finish(
        { tool: 'tga-contract schema:check-breaking', verdict: 'skipped', exitCode: 0, reason, findings: [] },
        args,
        io,
      );
    }
    const { findings, stats } = judge(baseSurfaces, head, { seed: args.seed, samples: args.samples });
    const [baseVersion, headVersion] = [
      versionIn(base.readFile('package.json')),
      versionIn(readHead('package.json')),
    ];
    const breaking = findings.filter((f) => f.breaking).length;
    const release =
      baseVersion !== null && headVersion !== null && isBreakingRelease(baseVersion, headVersion);
    const verdict = breaking === 0 ? 'pass' : release ? 'accepted' : 'fail';
    return finish(
      {
        tool: 'tga-contract schema:check-breaking',
        verdict,
        exitCode: verdict === 'fail' ? 1 : 0,
        base: { ref: base.ref, label: base.label, commit: base.commit, version: baseVersion },
        head: { label: `working tree (${root})`, version: headVersion },
        breakingRelease: release,
        search: { seed: args.seed, samples: args.samples, ...stats },
        surfaces: head.map((s) => s.id),
        summary: { breaking, nonBreaking: findings.length - breaking },
        findings,
      },
      args,
      io,
    );
  } catch (err) {
    // Exit 1 means "breaking"; anything that stopped the comparison is exit 2, said plainly.
    const known = err instanceof RefError || err instanceof SchemaFileError;
    const message = err instanceof Error ? err.message : String(err);
    io.err(`schema:check-breaking: ${known ? '' : 'cannot compare the schemas: '}${message}\n`);
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
