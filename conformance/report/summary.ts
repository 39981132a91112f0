// The summary table printed at the end of a run: one row per check (verdict, what was sent, what
// came back, what was expected), the failures spelled out under their row, then the totals.
import { MOCK_REASON, MOCK_VIOLATIONS } from '../../schema/headers';
import { observation, type ObservationId } from '../../schema';
import { profileFailing } from '../run/bases';
import { plural } from '../run/plural';
import type { CheckResult, Exchange } from '../run/types';

/** Width of a table printed to a pipe (a terminal gives its own). */
export const DEFAULT_COLUMNS = 132;
const VERDICT = 7;
/** Wide enough for the longest basis, `extension`. */
const BASIS = 9;
const EXPECTED = 30;

/**
 * Column widths that fit `columns`: SENT and GOT share what CHECK, VERDICT and EXPECTED leave; in
 * a narrow terminal CHECK, then EXPECTED, give way first (every cell is cut with …).
 */
function widths(results: readonly CheckResult[], columns: number) {
  const MIN_REST = 40;
  let name = Math.min(40, Math.max(5, ...results.map((r) => r.name.length)));
  let expected = Math.min(EXPECTED, Math.max(8, ...results.map((r) => (shown(r)?.expected ?? '').length)));
  const rest = () => columns - name - VERDICT - BASIS - expected - 5;
  if (rest() < MIN_REST) name = Math.max(24, name - (MIN_REST - rest()));
  if (rest() < MIN_REST) expected = Math.max(16, expected - (MIN_REST - rest()));
  const r = Math.max(24, rest());
  const sent = Math.floor(r * 0.4);
  return { name, expected, sent, got: r - sent - 1 };
}

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

export function describeReceived(exchange: Exchange | undefined): string {
  if (!exchange) return '-';
  if (exchange.error) return `error: ${exchange.error}`;
  const r = exchange.received!;
  return `${r.status} ${r.json === undefined ? r.text || '(empty)' : JSON.stringify(r.json)}`;
}

/** The mock explains its answers in headers; worth showing next to a failure. */
function mockDiagnostics(exchange: Exchange | undefined): string {
  const headers = exchange?.received?.headers ?? {};
  const reason = headers[MOCK_REASON.lower];
  const violations = headers[MOCK_VIOLATIONS.lower];
  if (!reason) return '';
  return ` (${MOCK_REASON.name}: ${reason}${violations ? `; violations: ${violations.slice(0, 200)}` : ''})`;
}

/** The exchange a row shows: the first that failed, else the last. */
function shown(result: CheckResult): Exchange | undefined {
  const failing = result.failures.find((f) => f.exchange !== undefined);
  return failing ? result.exchanges[failing.exchange!] : result.exchanges[result.exchanges.length - 1];
}

export function totals(results: readonly CheckResult[]) {
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    warned: count('warned'),
    skipped: count('skipped'),
    total: results.length,
  };
}

const VERDICT_WORD: Record<CheckResult['verdict'], string> = {
  passed: 'PASSED',
  failed: 'FAILED',
  warned: 'WARNING',
  skipped: 'SKIPPED',
};

/** Word-wrapped to `columns`, continued lines indented: a reason is read whole, never cut. */
function wrap(text: string, columns: number, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.trim() && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = indent + word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  return [...lines, line];
}

/** The observed answers of the run, each once: what the docs say, what was seen, where and when it was reported. */
function observedBlock(results: readonly CheckResult[], fit: (text: string) => string): string[] {
  // Accepted by the profile (observedAnswers), or failed by --profile strict (a failure's observation).
  const counts = new Map<ObservationId, number>();
  for (const r of results) {
    const ids = new Set([...(r.observedAnswers ?? []), ...r.failures.flatMap((f) => f.observation ?? [])]);
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (!counts.size) return [];
  const lines = [
    '',
    "Observed answers: the live service's reported behaviour, not the docs' literal text",
    '  (passes under --profile docs and sdk; --profile strict fails them)',
  ];
  for (const [id, n] of counts) {
    const o = observation(id);
    lines.push(`  ${id}: ${o.title} (${plural(n, 'check')})`, `    docs:     ${o.docs.says}`);
    lines.push(`    observed: ${o.observed.says}`);
    for (const s of o.sources) lines.push(`    source:   ${s.url} (${s.date})`);
  }
  return lines.map(fit);
}

/** The table: fits `columns` (SENT and GOT cut with …; the report files keep the full text). */
export function formatSummary(results: readonly CheckResult[], columns = DEFAULT_COLUMNS): string {
  const w = widths(results, columns);
  const header = `${'CHECK'.padEnd(w.name)} ${'VERDICT'.padEnd(VERDICT)} ${'BASIS'.padEnd(BASIS)} ${'SENT'.padEnd(w.sent)} ${'GOT'.padEnd(w.got)} EXPECTED`;
  const lines = [header, '-'.repeat(Math.min(columns, header.length + w.expected - 8))];
  const detail = (text: string) => (text.length > columns ? `${text.slice(0, columns - 1)}…` : text);
  for (const r of results) {
    const ex = shown(r);
    const sent = r.verdict === 'skipped' ? '-' : (ex?.label ?? '-');
    lines.push(
      `${cut(r.name, w.name)} ${VERDICT_WORD[r.verdict].padEnd(VERDICT)} ${r.basis.padEnd(BASIS)} ${cut(sent, w.sent)} ${cut(
        r.verdict === 'skipped' ? '' : describeReceived(ex),
        w.got,
      )} ${cut(ex?.expected ?? '', w.expected)}`,
    );
    if (r.verdict === 'skipped') lines.push(detail(`    – ${r.skipReason ?? 'skipped'}`));
    if (r.verdict === 'warned')
      lines.push(
        detail(
          `    ! warning only: this check rests on ${r.basis} (--profile ${profileFailing(r.basis)} fails it)`,
        ),
      );
    for (const id of r.observedAnswers ?? [])
      lines.push(
        detail(`    ~ answered as the live service was observed to: ${id} (see "Observed answers" below)`),
      );
    const mark = r.verdict === 'warned' ? '!' : '✗';
    for (const f of r.failures) {
      const diff =
        'expected' in f ? `: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}` : '';
      const at = f.exchange === undefined ? undefined : r.exchanges[f.exchange];
      lines.push(detail(`    ${mark} [${f.aspect}] ${f.message}${diff}`.slice(0, 400) + mockDiagnostics(at)));
    }
    if (r.failures.length) lines.push(...wrap(`why: ${r.why}`, columns, '    ', '         '));
  }
  lines.push(...observedBlock(results, detail));
  const t = totals(results);
  const parts = [`${t.passed} passed`, `${t.failed} failed`];
  if (t.warned) parts.push(plural(t.warned, 'warning'));
  parts.push(`${t.skipped} skipped`);
  lines.push('', `${plural(t.total, 'check')}: ${parts.join(', ')}`);
  return lines.map((l) => l.trimEnd()).join('\n');
}
