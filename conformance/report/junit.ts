// JUnit XML (one testcase per check, classname = family), for CI systems that render test results.
import { DEFAULT_PROFILE, profileFailing } from '../run/bases';
import type { CheckResult } from '../run/types';
import type { GateOutcome } from './gates';
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
  meta: { runId: string; baseUrl: string; durationMs: number; profile?: string; gates?: GateOutcome[] },
): string {
  const t = totals(results);
  const gates = meta.gates ?? [];
  const cases = results.map((r) => {
    const family = r.name.split('.')[0];
    const open = `    <testcase classname="tga-conformance.${xml(family)}" name="${xml(r.name)}" time="${(r.durationMs / 1000).toFixed(3)}">`;
    const exchanges = r.exchanges
      .map(
        (e) =>
          `${e.label}\n  sent: ${e.sent.body}\n  got: ${describeReceived(e)}\n  expected: ${e.expected ?? '-'}`,
      )
      .join('\n');
    // Every testcase says what its rule rests on (run/bases.ts) and its verdict in the suite's words.
    const body: string[] = [
      '      <properties>',
      `        <property name="basis" value="${xml(r.basis)}"/>`,
      `        <property name="verdict" value="${r.verdict === 'warned' ? 'warning' : r.verdict}"/>`,
      '      </properties>',
    ];
    if (r.verdict === 'skipped') {
      const type = r.skipCode ? ` type="${xml(r.skipCode)}"` : '';
      body.push(`      <skipped message="${xml(r.skipReason ?? '')}"${type}/>`);
    }
    const detail = [
      ...r.failures.map(
        (f) =>
          `[${f.aspect}] ${f.message}${'expected' in f ? `: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}` : ''}`,
      ),
      ...(r.failures.length ? [`why: ${r.why}`] : []),
    ].join('\n');
    // A warning never fails CI: JUnit has no such state, so it is a skip that says why.
    if (r.verdict === 'warned') {
      body.push(
        `      <skipped message="${xml(`warning (${r.basis}; --profile ${profileFailing(r.basis)} fails it): ${r.failures[0]?.message ?? ''}`)}">${xml(detail)}</skipped>`,
      );
    }
    if (r.verdict === 'failed') {
      body.push(
        `      <failure message="${xml(r.failures[0]?.message ?? 'failed')}" type="${xml(r.failures[0]?.aspect ?? 'error')}">${xml(detail)}</failure>`,
      );
    }
    const notes = r.notes.map((n) => `note: ${n}\n`).join('');
    if (exchanges || notes)
      body.push(`      <system-out>${xml(`${r.title}\n${notes}${exchanges}`)}</system-out>`);
    return [open, ...body, '    </testcase>'].join('\n');
  });
  // Each gate asked for is a testcase of its own, so CI shows why a run with no failing check failed.
  for (const g of gates) {
    cases.push(
      [
        `    <testcase classname="tga-conformance.gate" name="gate.${g.name}" time="0.000">`,
        ...(g.passed ? [] : [`      <failure message="${xml(g.message)}" type="gate"/>`]),
        `      <system-out>${xml(g.message)}</system-out>`,
        '    </testcase>',
      ].join('\n'),
    );
  }
  const failures = t.failed + gates.filter((g) => !g.passed).length;
  const tests = t.total + gates.length;
  const skipped = t.skipped + t.warned;
  const properties = [
    '    <properties>',
    `      <property name="profile" value="${xml(meta.profile ?? DEFAULT_PROFILE)}"/>`,
    `      <property name="warnings" value="${t.warned}"/>`,
    ...gates.map(
      (g) => `      <property name="gate.${g.name}" value="${xml(g.passed ? 'passed' : 'failed')}"/>`,
    ),
    '    </properties>',
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tga-conformance" tests="${tests}" failures="${failures}" skipped="${skipped}" time="${(meta.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="tga-conformance ${xml(meta.baseUrl)} (run ${xml(meta.runId)})" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...properties,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
