import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENTED_RESPONSES } from '../../schema';
import { MOCK_REASONS, ANSWERS, answerFor } from './answers';

// The README's tables are what users read: they must say what the registry answers.
const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

function tableAfter(heading: string): { status: number; reason: string; body: unknown }[] {
  const start = readme.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const rows = readme.slice(start).split('\n').slice(1);
  const first = rows.findIndex((l) => l.startsWith('|'));
  const table = rows.slice(
    first,
    rows.findIndex((l, i) => i > first && !l.startsWith('|')),
  );
  return table.slice(2).map((line) => {
    const [status, reason, body] = line
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim());
    return {
      status: Number(status),
      reason: reason.replace(/`/g, ''),
      body: JSON.parse(body.replace(/^`|`$/g, '')),
    };
  });
}

describe('error registry', () => {
  test('documented reasons are the contract table, unchanged', () => {
    for (const doc of DOCUMENTED_RESPONSES)
      expect(answerFor(doc.reason)).toMatchObject({ status: doc.status, body: doc.body, documented: true });
  });

  test('every mock-only answer is JSON {message} with a 4xx/5xx status', () => {
    for (const reason of MOCK_REASONS) {
      const e = answerFor(reason);
      expect(Object.keys(e.body)).toEqual(['message']);
      expect(e.status).toBeGreaterThanOrEqual(400);
    }
  });

  test("the README's documented-responses table matches the registry", () => {
    const rows = tableAfter('### Documented responses');
    expect(rows).toEqual(
      DOCUMENTED_RESPONSES.map((r) => ({
        status: r.status,
        reason: r.reason,
        body: answerFor(r.reason).body,
      })),
    );
  });

  test("the README's mock-only answers table matches the registry", () => {
    const rows = tableAfter('### Answers beyond the docs');
    expect(rows).toEqual(
      MOCK_REASONS.map((reason) => ({
        status: answerFor(reason).status,
        reason,
        body: answerFor(reason).body,
      })),
    );
    expect(ANSWERS.size).toBe(DOCUMENTED_RESPONSES.length + MOCK_REASONS.length);
  });
});
