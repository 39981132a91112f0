// The summary table printed at the end of a run: one row per check (verdict, what was sent, what
// came back, what was expected), the failures spelled out under their row, then the totals.
import { MOCK_REASON, MOCK_VIOLATIONS } from '../../schema/headers';
import type { CheckResult, Exchange } from '../run/types';

const WIDTH = { name: 44, verdict: 7, sent: 42, got: 48 };

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
    skipped: count('skipped'),
    total: results.length,
  };
}

export function formatSummary(results: readonly CheckResult[]): string {
  const header = `${'CHECK'.padEnd(WIDTH.name)} ${'VERDICT'.padEnd(WIDTH.verdict)} ${'SENT'.padEnd(WIDTH.sent)} ${'GOT'.padEnd(WIDTH.got)} EXPECTED`;
  const lines = [header, '-'.repeat(header.length + 8)];
  for (const r of results) {
    const ex = shown(r);
    const sent = r.verdict === 'skipped' ? '-' : (ex?.label ?? '-');
    lines.push(
      `${cut(r.name, WIDTH.name)} ${r.verdict.toUpperCase().padEnd(WIDTH.verdict)} ${cut(sent, WIDTH.sent)} ${cut(
        r.verdict === 'skipped' ? '' : describeReceived(ex),
        WIDTH.got,
      )} ${ex?.expected ?? ''}`,
    );
    if (r.verdict === 'skipped') lines.push(`    – ${r.skipReason ?? 'skipped'}`);
    for (const f of r.failures) {
      const diff =
        'expected' in f ? `: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}` : '';
      const at = f.exchange === undefined ? undefined : r.exchanges[f.exchange];
      lines.push(`    ✗ [${f.aspect}] ${f.message}${diff}`.slice(0, 400) + mockDiagnostics(at));
    }
  }
  const t = totals(results);
  lines.push('', `${t.total} checks: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  return lines.map((l) => l.trimEnd()).join('\n');
}
