// The gate's two outputs: the JSON report (for CI artefacts and tools) and its human reading,
// findings grouped breaking / non-breaking, each with its rule, where it is and an example.
import type { Finding, SearchStats } from './gate';
import { parseVersion } from './semver';

/** `skipped`: the default base cannot be read (exit 0); `error`: a base or path the user named cannot (exit 2). */
export type Verdict = 'pass' | 'fail' | 'accepted' | 'skipped' | 'error';

export interface Report {
  tool: 'tga-contract schema:check-breaking';
  verdict: Verdict;
  exitCode: number;
  /** Why nothing was compared (verdict 'skipped' or 'error'). */
  reason?: string;
  /** A git base (`ref`, `commit`) or, with --old, a `path`. */
  base?: { ref?: string; label: string; commit?: string; path?: string; version: string | null };
  head?: { label: string; version: string | null };
  /** A breaking change is accepted when the version was raised in a way semver calls breaking. */
  breakingRelease?: boolean;
  search?: { seed: number; samples: number } & SearchStats;
  surfaces?: string[];
  summary?: { breaking: number; nonBreaking: number };
  findings: Finding[];
}

const EXAMPLE_CHARS = 240;
const n = (x: number | undefined) => (x ?? 0).toLocaleString('en-US');

function example(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > EXAMPLE_CHARS
    ? `${text.slice(0, EXAMPLE_CHARS)}… (whole value in the JSON report)`
    : text;
}

function block(f: Finding, mark: string): string[] {
  const lines = [`  ${mark} ${f.rule}: ${f.title}`, `      ${f.detail}`];
  lines.push(`      where   ${f.pointer}${f.pointerSide === 'base' ? ' (in the base)' : ''}`);
  lines.push(`      at      ${f.at.join(', ')}   [${f.surfaces.join(', ')}]`);
  if (f.counterexample) {
    lines.push(`      example ${example(f.counterexample.value)}   (${f.counterexample.surface})`);
    lines.push(`              refused: ${f.counterexample.rejection}`);
  } else if (f.note) lines.push(`      note    ${f.note}`);
  return lines;
}

/** What to put in package.json to release a breaking change deliberately. */
export function nextBreakingVersion(version: string | null): string {
  const v = version === null ? null : parseVersion(version);
  if (!v) return 'a new major version';
  const { major, minor } = v;
  return major === 0
    ? `0.${minor + 1}.0 (below 1.0 a minor bump is a breaking release) or 1.0.0`
    : `${major + 1}.0.0`;
}

/** The human reading; `name` is the command as typed (the npm script or tga-schema-gate). */
export function formatText(r: Report, name = 'schema:check-breaking'): string {
  if (r.verdict === 'skipped') return `${name}: nothing compared — ${r.reason}\n`;
  if (r.verdict === 'error') return `${name}: error — ${r.reason}\n`;
  const breaking = r.findings.filter((f) => f.breaking);
  const other = r.findings.filter((f) => !f.breaking);
  const out = [
    `${name}: request and response schemas, base → head`,
    `  base  ${r.base?.label} · version ${r.base?.version ?? '(unknown)'}`,
    `  head  ${r.head?.label} · version ${r.head?.version ?? '(unknown)'}`,
    `  compared ${r.surfaces?.length} schemas: ${r.surfaces?.join(', ')}`,
    `  structural engine: ${n(r.search?.changes)} difference(s) over the ${r.surfaces?.length} schemas, folded into the findings below`,
    `  counterexample search (seed ${r.search?.seed}): ${n(r.search?.aimedFound)} of ${n(r.search?.aimed)} aimed searches found one; ` +
      `${n(r.search?.randomDrawn)} random values, ${n(r.search?.randomRefused)} distinct refusal(s), ${n(r.search?.unexplained)} that no rule explains`,
    '',
  ];
  if (r.findings.length === 0) out.push('No differences in what the schemas accept or answer.', '');
  if (breaking.length) {
    out.push(`${r.verdict === 'accepted' ? 'BREAKING, ACCEPTED' : 'BREAKING'} (${breaking.length})`);
    for (const f of breaking) out.push(...block(f, r.verdict === 'accepted' ? '!' : '✗'));
    out.push('');
  }
  if (other.length) {
    out.push(`NON-BREAKING (${other.length})`);
    for (const f of other) out.push(...block(f, '·'));
    out.push('');
  }
  const versions = `${r.base?.version ?? '?'} → ${r.head?.version ?? '?'}`;
  if (r.verdict === 'pass') out.push(`PASS: no breaking change (${other.length} non-breaking).`);
  else if (r.verdict === 'accepted')
    out.push(
      `PASS: ${breaking.length} breaking change(s) accepted: the version goes ${versions}, a breaking release.`,
    );
  else
    out.push(
      `FAIL: ${breaking.length} breaking change(s); the version goes ${versions}, which is not a breaking release.`,
      `  Undo the change, or release it deliberately: set "version" in package.json to ${nextBreakingVersion(r.base?.version ?? null)} in the same change.`,
    );
  return out.join('\n') + '\n';
}
