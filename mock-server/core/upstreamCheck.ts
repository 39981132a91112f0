// --upstream: is an upstream's answer one the contract knows? An answer of POST /events (or
// /events/fingerprint, answered alike) should be a documented one (schema/responses.schema.json)
// or an observed one (schema/observations.json: 202, a validation report); the threshold a JSON
// object of counts; a preflight a 2xx that grants what the browser asked; and every answer to a
// page's request must let the page read it (Access-Control-Allow-Origin). Each departure is one
// sentence: the proxy sends them in TGA-Mock-Upstream-Deviation. No transport here.
import { identifyObserved, OBSERVATIONS } from '../../schema/liveService';
import { DOCUMENTED_RESPONSES, identifyResponse } from '../../schema/responses';
import type { SdkRoute } from './sdkRoutes';

export interface UpstreamVerdict {
  /**
   * For the request log: the documented reason the answer is (RECORDED, VALIDATION…), the reason
   * of the observation it is (RECORDED for a 202), or UPSTREAM_DEVIATION.
   */
  reason: string;
  /** How the answer departs from every known one; empty when it is one of them. */
  deviations: string[];
}

export interface UpstreamAnswerFacts {
  status: number;
  /** The answer's headers, names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body parsed as JSON, or undefined when it is not JSON (or empty). */
  body: unknown;
  /** The body as text (for a deviation that quotes it). */
  text: string;
}

/** What of the request the check needs: the page's origin and the headers a preflight asks for. */
export interface UpstreamRequestFacts {
  origin?: string;
  requestedHeaders?: string;
}

const quote = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}...` : text) || '(empty)';

/** The known answers with this status, in words, for a deviation's "expected". */
function knownWithStatus(status: number): string[] {
  const documented = DOCUMENTED_RESPONSES.filter((r) => r.status === status).map(
    (r) => `${JSON.stringify(r.body)} (documented ${r.reason})`,
  );
  const observed = OBSERVATIONS.filter((o) => o.observed.status === status).map((o) =>
    o.id === 'VALIDATION_REPORT'
      ? `a validation report, "message" a list of constraint sentences (observed ${o.id})`
      : `${JSON.stringify(o.observed.body)} (observed ${o.id})`,
  );
  return [...documented, ...observed];
}

function exchangeVerdict(answer: UpstreamAnswerFacts): UpstreamVerdict {
  const documented = identifyResponse(answer.status, answer.body);
  if (documented) return { reason: documented.reason, deviations: [] };
  const observed = identifyObserved(answer.status, answer.body);
  if (observed) return { reason: observed.reason ?? observed.id, deviations: [] };
  const known = knownWithStatus(answer.status);
  const expected =
    known.length === 0
      ? 'no documented or observed answer has that status'
      : `known ${answer.status} answers: ${known.join(' or ')}`;
  const what =
    answer.body === undefined ? `a body that is not JSON: ${quote(answer.text)}` : quote(answer.text);
  return {
    reason: 'UPSTREAM_DEVIATION',
    deviations: [`${answer.status} ${what} is neither a documented nor an observed answer (${expected})`],
  };
}

function thresholdDeviation(answer: UpstreamAnswerFacts): string | undefined {
  const { body } = answer;
  const counts =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.values(body).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  if (answer.status === 200 && counts) return undefined;
  return `GET /events/threshold answered ${answer.status} ${quote(answer.text)}: the official SDK expects 200 with a JSON object of event name -> count`;
}

function preflightDeviations(answer: UpstreamAnswerFacts, request: UpstreamRequestFacts): string[] {
  if (answer.status < 200 || answer.status > 299)
    return [`the CORS preflight answered ${answer.status}: a browser then sends nothing`];
  const allowed = (answer.headers['access-control-allow-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const missing = (request.requestedHeaders ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '' && !allowed.includes(h) && !allowed.includes('*'));
  return missing.length === 0
    ? []
    : [
        `the preflight does not allow the requested header(s) ${missing.join(', ')}: a browser then sends nothing`,
      ];
}

/** Access-Control-Allow-Origin: a page on `origin` can read the answer only if it is `*` or that origin. */
function corsDeviation(answer: UpstreamAnswerFacts, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  const allow = answer.headers['access-control-allow-origin'];
  if (allow === '*' || allow === origin) return undefined;
  return allow === undefined
    ? `no Access-Control-Allow-Origin: a page on ${origin} cannot read the answer (observed: *)`
    : `Access-Control-Allow-Origin is ${allow}, not * or ${origin}: a page on ${origin} cannot read the answer`;
}

export function checkUpstreamAnswer(
  route: SdkRoute,
  request: UpstreamRequestFacts,
  answer: UpstreamAnswerFacts,
): UpstreamVerdict {
  let verdict: UpstreamVerdict;
  if (route.serves === 'preflight')
    verdict = { reason: 'PREFLIGHT', deviations: preflightDeviations(answer, request) };
  else if (route.serves === 'threshold') {
    const deviation = thresholdDeviation(answer);
    verdict = { reason: 'THRESHOLD', deviations: deviation === undefined ? [] : [deviation] };
  } else verdict = exchangeVerdict(answer);
  const cors = corsDeviation(answer, request.origin);
  return cors === undefined ? verdict : { ...verdict, deviations: [...verdict.deviations, cors] };
}
