import { DOCUMENTED_RESPONSES } from '../../schema';
import type { CheckResult } from '../run/types';
import { coverageOf, formatCoverage } from './coverage';
import { toJunit } from './junit';
import { formatSummary } from './summary';

function result(over: Partial<CheckResult>): CheckResult {
  return {
    name: 'response.x',
    title: 't',
    covers: [],
    basis: 'docs',
    why: 'the docs say so',
    verdict: 'passed',
    exchanges: [],
    failures: [],
    observed: [],
    notes: [],
    durationMs: 5,
    ...over,
  };
}

const exchange = {
  label: 'token flipped <&>',
  sent: { method: 'POST', path: '/events', headers: {}, body: '[{"a":1}]', events: 1 },
  received: {
    status: 200,
    contentType: 'text/plain',
    headers: {},
    json: { message: 'ok' },
    text: '{"message":"ok"}',
  },
  expected: '400 TOKEN_INVALID',
  durationMs: 1,
};

const results: CheckResult[] = [
  result({ name: 'response.recorded-single', covers: ['RECORDED'], observed: ['RECORDED'] }),
  result({
    name: 'response.token-invalid',
    covers: ['TOKEN_INVALID'],
    verdict: 'failed',
    exchanges: [exchange],
    failures: [{ aspect: 'status', message: 'token flipped: status', expected: 400, got: 200, exchange: 0 }],
  }),
  result({
    name: 'mock.record-failure',
    covers: ['RECORD_FAILED'],
    verdict: 'skipped',
    skipReason: 'mock-only: no health',
  }),
];

describe('coverage of documented responses', () => {
  const rows = coverageOf(results);
  const state = (reason: string) => rows.find((r) => r.reason === reason);

  test('one row per documented response, in the table order', () => {
    expect(rows.map((r) => r.reason)).toEqual(DOCUMENTED_RESPONSES.map((r) => r.reason));
  });

  test('observed, failed (naming the check), skipped (with why), not run', () => {
    expect(state('RECORDED')).toMatchObject({ state: 'observed' });
    expect(state('TOKEN_INVALID')).toMatchObject({ state: 'failed', detail: 'response.token-invalid' });
    expect(state('RECORD_FAILED')).toMatchObject({
      state: 'skipped',
      detail: 'mock.record-failure: mock-only: no health',
    });
    expect(state('RATE_LIMITED')).toMatchObject({ state: 'not run' });
    expect(formatCoverage(rows)).toContain('This run never saw 7 documented responses');
  });
});

describe('summary and JUnit', () => {
  test('the summary shows sent, got and expected of the failing exchange, and the failure', () => {
    const text = formatSummary(results);
    expect(text).toMatch(
      /response\.token-invalid +FAILED +docs +token flipped <&> +200 \{"message":"ok"\} +400 TOKEN_INVALID/,
    );
    expect(text).toContain('✗ [status] token flipped: status: expected 400, got 200');
    expect(text).toContain('3 checks: 1 passed, 1 failed, 1 skipped');
  });

  test('JUnit has one escaped testcase per check with failure and skipped elements', () => {
    const xml = toJunit(results, { runId: 'r1', baseUrl: 'http://h', durationMs: 1234 });
    expect(xml).toContain(
      '<testsuites name="tga-conformance" tests="3" failures="1" skipped="1" time="1.234">',
    );
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<failure message="token flipped: status" type="status">');
    expect(xml).toContain('<skipped message="mock-only: no health"/>');
    expect(xml).toContain('token flipped &lt;&amp;&gt;');
    expect(xml).not.toMatch(/<&>/);
  });

  test("JUnit's <skipped> carries the skip code as its type", () => {
    const budget = result({
      name: 'positive.batch-20',
      verdict: 'skipped',
      skipReason: 'would pass --max-writes 3 <cap>',
      skipCode: 'budget',
    });
    const xml = toJunit([budget], { runId: 'r1', baseUrl: 'http://h', durationMs: 0 });
    expect(xml).toContain('<skipped message="would pass --max-writes 3 &lt;cap&gt;" type="budget"/>');
  });
});
