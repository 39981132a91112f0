// What POST /events answers, as one ordered decision over plain data (no HTTP here):
//   1 token format  2 signature  3 origin  4 rate  5 body/validation  6 app_name  7 fault  8 record.
// Step 7's faults: record-failure (400), server-error (a 5xx), reset (no answer).
// A request that breaks several rules gets the earliest one's documented answer. The shell reads
// the body (bounded) and passes the outcome in, so body problems still rank at step 5; it
// decompresses and parses a body only for a token that passes steps 1-2 (no work before the token).
import type { RequestValidator, TgaEvent } from '../../schema';
import { answerFor, type Reason } from './answers';
import type { FaultStore } from './faults';
import { explainOrigin, originAllowed } from './origin';
import type { RateLimiter } from './rateLimit';
import { checkToken } from './tokenSignature';
import { headerText, violationsHeader, violationsOf, type Violation } from './violations';

export type BodyProblem = 'VALIDATION' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_ENCODING';

/** What reading the body gave: parsed JSON, or the problem (with a violation describing it). */
export type BodyOutcome =
  { ok: true; value: unknown } | { ok: false; reason: BodyProblem; violation: Violation };

export interface DecisionInput {
  token?: string;
  origin?: string;
  referer?: string;
  body: BodyOutcome;
}

export interface DecisionDeps {
  secret: string;
  requireOrigin: boolean;
  limiter: RateLimiter;
  validator: RequestValidator;
  faults: FaultStore;
}

export interface Decision {
  reason: Reason;
  status: number;
  body: Readonly<Record<string, unknown>>;
  headers: Record<string, string>;
  /** The token's app, once the token parsed (for the journal and logs; never the signature). */
  appName?: string;
  /** The batch to record, on RECORDED only. */
  events?: TgaEvent[];
  violations?: Violation[];
  /** A `reset` fault fired: destroy the socket instead of answering. */
  reset?: boolean;
  /** A `latency` fault fired: delay the answer by this many ms. */
  delayMs?: number;
  /** Why a refusal was made, in words (also sent as TGA-Mock-Detail on 400 and 403 answers). */
  detail?: string;
}

function answer(
  reason: Reason,
  extra: Partial<Decision> = {},
  headers: Record<string, string> = {},
): Decision {
  const { status, body } = answerFor(reason);
  const all: Record<string, string> = { 'TGA-Mock-Reason': reason, ...headers };
  if (extra.detail !== undefined) all['TGA-Mock-Detail'] = headerText(extra.detail);
  return { reason, status, body, headers: all, ...extra };
}

const violationDetail = (v: Violation) => `${v.instancePath || 'the body'}: ${v.message}`;

function steps(input: DecisionInput, deps: DecisionDeps): Decision {
  const token = checkToken(input.token, deps.secret); // 1 and 2
  if (!token.ok && token.reason === 'TOKEN_MISSING_OR_MALFORMED')
    return answer('TOKEN_MISSING_OR_MALFORMED', {
      detail:
        input.token === undefined
          ? 'no TGA-Auth-Token header'
          : 'TGA-Auth-Token is not base64 of a claims JSON and a 32-byte signature',
    });
  const appName = token.claims.app_name;
  if (!token.ok)
    return answer('TOKEN_INVALID', {
      appName,
      detail: 'the token signature does not verify with this mock secret',
    });
  const origin = { origin: input.origin, referer: input.referer };
  if (!originAllowed(origin, token.claims.app_domain, deps.requireOrigin))
    return answer('DOMAIN_MISMATCH', { appName, detail: explainOrigin(origin, token.claims.app_domain) }); // 3
  // 4: an injected rate-limit fault is checked first so the 429 it causes is not counted either.
  const rate = deps.faults.take('rate', appName)
    ? { ok: false as const, retryAfterSeconds: deps.limiter.retryAfterSeconds() }
    : deps.limiter.hit(appName);
  if (!rate.ok) return answer('RATE_LIMITED', { appName }, { 'Retry-After': String(rate.retryAfterSeconds) });
  if (!input.body.ok) {
    // 5: too large, unknown encoding, or not JSON.
    const violations = [input.body.violation];
    return answer(
      input.body.reason,
      { appName, violations, detail: violationDetail(input.body.violation) },
      { 'TGA-Mock-Violations': violationsHeader(violations) },
    );
  }
  const result = deps.validator.validate(input.body.value);
  if (!result.ok) {
    const violations = violationsOf(result.errors);
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more in TGA-Mock-Violations)` : '';
    return answer(
      'VALIDATION',
      { appName, violations, detail: violationDetail(violations[0]) + more },
      { 'TGA-Mock-Violations': violationsHeader(violations) },
    );
  }
  const other = result.events.findIndex((e) => e.app_name !== appName);
  if (other !== -1)
    return answer('APP_NAME_MISMATCH', {
      appName,
      detail: `event ${other}'s app_name ${JSON.stringify(result.events[other].app_name)} is not the token's app ${JSON.stringify(appName)}`,
    }); // 6
  const fault = deps.faults.take('record', appName); // 7
  if (fault?.kind === 'reset') return answer('RECORD_FAILED', { appName, reset: true });
  if (fault?.kind === 'server-error')
    return { ...answer('SERVER_ERROR_FAULT', { appName }), status: fault.status ?? 500 };
  if (fault) return answer('RECORD_FAILED', { appName });
  return answer('RECORDED', { appName, events: result.events }); // 8: the whole batch or nothing
}

export function decide(input: DecisionInput, deps: DecisionDeps): Decision {
  const decision = steps(input, deps);
  const latency = deps.faults.take('latency', decision.appName);
  return latency ? { ...decision, delayMs: latency.ms ?? 0 } : decision;
}
