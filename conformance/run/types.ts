// The plain data every part of the suite passes around: what was sent, what came back, and the
// verdict of one check. Reports are built from these only, so the JSON report, the JUnit file and
// the summary table can never tell different stories.
import type { DocumentedReason, TokenClaims } from '../../schema';

/** What the suite knows about the server under test, found before any check runs. */
export interface ServerUnderTest {
  baseUrl: string;
  token: string;
  /** The claims of --token: the app every valid event is for. */
  app: TokenClaims;
  /** The Origin header sent with every request (the token's app_domain unless --origin). */
  origin: string;
  /** Set when the target answered `GET /__mock/health`: mock-only checks apply. */
  mock: { version: string } | null;
  /** Bounded request count for the real-server 429 probe; 0 = not asked for. */
  probeRateLimit: number;
  timeoutMs: number;
}

export interface SentRequest {
  method: string;
  path: string;
  /** Headers as sent, the token replaced by its label so reports never hold a usable token. */
  headers: Record<string, string>;
  /** The body as text (JSON or a raw description), cut to a readable length. */
  body: string;
  /** Events in the body, as counted against the write budget. */
  events: number;
}

export interface ReceivedResponse {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when it was not JSON. */
  json: unknown;
  text: string;
}

export interface Exchange {
  label: string;
  sent: SentRequest;
  received?: ReceivedResponse;
  /** Transport error (refused, reset, timeout) instead of a response. */
  error?: string;
  /** What a conforming server answers, in words ("400 TOKEN_INVALID"). */
  expected?: string;
  durationMs: number;
}

export type FailureAspect = 'status' | 'body' | 'content-type' | 'transport' | 'journal' | 'error';

export interface Failure {
  aspect: FailureAspect;
  message: string;
  expected?: unknown;
  got?: unknown;
  /** Index into the result's exchanges. */
  exchange?: number;
}

export type Verdict = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  name: string;
  title: string;
  covers: DocumentedReason[];
  verdict: Verdict;
  skipReason?: string;
  exchanges: Exchange[];
  failures: Failure[];
  /** Documented responses actually seen, exactly (status, body and content type). */
  observed: DocumentedReason[];
  notes: string[];
  durationMs: number;
}
