// The plain data every part of the suite passes around: what was sent, what came back, and the
// verdict of one check. Reports are built from these only, so the JSON report, the JUnit file and
// the summary table can never tell different stories.
import type { DocumentedReason, TokenClaims } from '../../schema';
import type { SkipCode } from './skipCodes';

export type JsonObject = Record<string, unknown>;

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
  /** The target is the mock, but its control API refused us (403): it needs (another) --admin-token. */
  mockLocked?: boolean;
  /** --admin-token: sent as TGA-Mock-Admin-Token on the mock's control API; never reported. */
  adminToken?: string | null;
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

export type FailureAspect = 'status' | 'body' | 'content-type' | 'header' | 'transport' | 'journal' | 'error';

export interface Failure {
  aspect: FailureAspect;
  message: string;
  expected?: unknown;
  got?: unknown;
  /** Index into the result's exchanges. */
  exchange?: number;
}

/** `warned`: a check resting on undocumented fields or behaviour failed (exit code unchanged unless --profile strict). */
export type Verdict = 'passed' | 'failed' | 'warned' | 'skipped';

/** What a check's verdict rests on: the documentation (failing checks) or real clients only (warnings). */
export type Basis = 'docs' | 'undocumented';

export interface CheckResult {
  name: string;
  title: string;
  covers: DocumentedReason[];
  basis: Basis;
  verdict: Verdict;
  /** Why the check was skipped, for people (set with skipCode whenever verdict is `skipped`). */
  skipReason?: string;
  /** Why the check was skipped, for machines: what gates and hints decide on. */
  skipCode?: SkipCode;
  exchanges: Exchange[];
  failures: Failure[];
  /** Documented responses actually seen, exactly (status, body and content type). */
  observed: DocumentedReason[];
  notes: string[];
  durationMs: number;
  /** Set on the check during which the target stopped answering (the run stops there, exit 2). */
  stopped?: string;
}
