// JUnit XML (one testcase per check, classname = family), for CI systems that render test results.
import type { CheckResult } from '../run/types';
import { describeReceived, totals } from './summary';

/** XML 1.0 allows tab, newline, carriage return and code points from 0x20; others are dropped. */
function allowedInXml(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (
    code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
  );
}

function xml(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function toJunit(
  results: readonly CheckResult[],
  meta: { runId: string; baseUrl: string; durationMs: number },
): string {
  const t = totals(results);
  const cases = results.map((r) => {
    const family = r.name.split('.')[0];
    const open = `    <testcase classname="tga-conformance.${xml(family)}" name="${xml(r.name)}" time="${(r.durationMs / 1000).toFixed(3)}">`;
    const exchanges = r.exchanges
      .map(
        (e) =>
          `${e.label}\n  sent: ${e.sent.body}\n  got: ${describeReceived(e)}\n  expected: ${e.expected ?? '-'}`,
      )
      .join('\n');
    const body: string[] = [];
    if (r.verdict === 'skipped') body.push(`      <skipped message="${xml(r.skipReason ?? '')}"/>`);
    if (r.verdict === 'failed') {
      const detail = r.failures
        .map(
          (f) =>
            `[${f.aspect}] ${f.message}${'expected' in f ? `: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}` : ''}`,
        )
        .join('\n');
      body.push(
        `      <failure message="${xml(r.failures[0]?.message ?? 'failed')}" type="${xml(r.failures[0]?.aspect ?? 'error')}">${xml(detail)}</failure>`,
      );
    }
    if (exchanges) body.push(`      <system-out>${xml(`${r.title}\n${exchanges}`)}</system-out>`);
    return [open, ...body, '    </testcase>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tga-conformance" tests="${t.total}" failures="${t.failed}" skipped="${t.skipped}" time="${(meta.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="tga-conformance ${xml(meta.baseUrl)} (run ${xml(meta.runId)})" tests="${t.total}" failures="${t.failed}" errors="0" skipped="${t.skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
