// Compares one answer with a documented response: status, exact JSON body, JSON content type.
// Each aspect fails on its own, so a report says "content-type" rather than just "wrong".
import { isDeepStrictEqual } from 'node:util';
import { documentedResponse, type DocumentedReason } from '../../schema';
import type { CheckResult, Exchange, Failure } from './types';

export function isJsonContentType(contentType: string): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType.trim());
}

export function expectDocumented(
  exchange: Exchange,
  reason: DocumentedReason,
  result: CheckResult,
  fail: (failure: Omit<Failure, 'exchange'>, exchange?: Exchange) => void,
): boolean {
  const doc = documentedResponse(reason);
  exchange.expected = `${doc.status} ${reason}`;
  const got = exchange.received;
  if (!got) return false; // the transport failure is already recorded
  const before = result.failures.length;
  if (got.status !== doc.status) {
    fail(
      { aspect: 'status', message: `${exchange.label}: status`, expected: doc.status, got: got.status },
      exchange,
    );
  }
  if (!isDeepStrictEqual(got.json, doc.body)) {
    fail(
      { aspect: 'body', message: `${exchange.label}: body`, expected: doc.body, got: got.json ?? got.text },
      exchange,
    );
  }
  if (!isJsonContentType(got.contentType)) {
    fail(
      {
        aspect: 'content-type',
        message: `${exchange.label}: content type`,
        expected: 'application/json',
        got: got.contentType || '(none)',
      },
      exchange,
    );
  }
  const ok = result.failures.length === before;
  if (ok && !result.observed.includes(reason)) result.observed.push(reason);
  return ok;
}
