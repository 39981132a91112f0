import { DOCUMENTED_RESPONSES } from '../../schema';
import { MOCK_REASONS, ANSWERS, answerFor } from './answers';

// The docs' tables of these answers are checked against the registry in test/docs/tables.test.ts.
describe('answer registry', () => {
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

  test('every answer is in the registry once', () => {
    expect(ANSWERS.size).toBe(DOCUMENTED_RESPONSES.length + MOCK_REASONS.length);
  });
});
