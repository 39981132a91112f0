// Compares one answer with a documented response: status, exact JSON body, JSON content type.
// Each aspect fails on its own, so a report says "content-type" rather than just "wrong". An
// answer the live service was reported to give instead (schema/observations.json: a 202 with the
// documented body, a 400 that reports the mismatch) is one failure of basis `observed`, which the
// profile turns into a note (docs, sdk) or keeps (strict): see bases.ts.
import { isDeepStrictEqual } from 'node:util';
import { documentedResponse, type DocumentedReason } from '../../schema';
import { identifyObserved } from '../../schema';
import type { CheckResult, Exchange, Failure } from './types';

export function isJsonContentType(contentType: string): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType.trim());
}

/** The observed answer standing for `reason`, if the status and body are one. */
function observedFor(reason: DocumentedReason, status: number, body: unknown) {
  const o = identifyObserved(status, body);
  return o && o.reason === reason ? o : undefined;
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
  const exact = got.status === doc.status && isDeepStrictEqual(got.json, doc.body);
  const observed = exact ? undefined : observedFor(reason, got.status, got.json);
  if (observed) {
    const aspect = got.status !== doc.status ? 'status' : 'body';
    fail(
      {
        aspect,
        message: `${exchange.label}: the observed answer ${observed.id}, not the docs' literal one`,
        expected: aspect === 'status' ? doc.status : doc.body,
        got: aspect === 'status' ? got.status : got.json,
        basis: 'observed',
        observation: observed.id,
      },
      exchange,
    );
  } else {
    if (got.status !== doc.status) {
      fail(
        { aspect: 'status', message: `${exchange.label}: status`, expected: doc.status, got: got.status },
        exchange,
      );
    }
    if (!isDeepStrictEqual(got.json, doc.body)) {
      fail(
        {
          aspect: 'body',
          message: `${exchange.label}: body${bodyHint(reason)}`,
          expected: doc.body,
          got: got.json ?? got.text,
        },
        exchange,
      );
    }
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
  // Exactly the documented answer: seen. An observed one is counted by the profile (bases.ts).
  const ok = result.failures.length === before;
  if (ok && !result.observed.includes(reason)) result.observed.push(reason);
  return ok;
}

/** What else a body may be, said where a body failed. */
function bodyHint(reason: DocumentedReason): string {
  return reason === 'VALIDATION'
    ? " (the docs' placeholder, or a JSON object whose message reports the mismatch: a non-empty string or list of strings)"
    : '';
}
