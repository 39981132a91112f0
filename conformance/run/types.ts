// The plain data every part of the suite passes around: what was sent, what came back, and the
// verdict of one check. Reports are built from these only, so the JSON report, the JUnit file and
// the summary table can never tell different stories.
import type { DocumentedReason } from '../../schema';
import type { ObservationId } from '../../schema';
import type { Basis } from './bases';
import type { SkipCode } from './skipCodes';

export type JsonObject = Record<string, unknown>;

/** What the suite knows about the server under test, found before any check runs. */
export interface ServerUnderTest {
  baseUrl: string;
  token: string;
  /** `tga`: --token has the known shape (schema/token.ts), its forgeries are derived; `opaque`: the server's own design. */
  tokenFormat: 'tga' | 'opaque';
  /** The app every valid event is for: the claims of a `tga` token, --app-name (and --origin) for an opaque one. */
  app: AppUnderTest;
  /** --invalid-token: a well-formed token the server refuses as invalid (sent by response.token-invalid). */
  invalidToken: string | null;
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

export interface AppUnderTest {
  app_name: string;
  /** Known from a `tga` token's payload only. */
  app_url?: string;
  app_domain?: string;
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
  /** The rule's basis when it is not the check's: `observed` for an answer the live service was reported to give. */
  basis?: Basis;
  /** The observation (schema/observations.json) an `observed` failure is. */
  observation?: ObservationId;
}

/** `warned`: the check failed on a basis the profile does not fail on (the exit code ignores it). */
export type Verdict = 'passed' | 'failed' | 'warned' | 'skipped';

export type { Basis } from './bases';

export interface CheckResult {
  name: string;
  title: string;
  covers: DocumentedReason[];
  /** Where the check's rule comes from (run/bases.ts). */
  basis: Basis;
  /** Why the rule holds, in words: shown with a failure. */
  why: string;
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
  /** Answers the profile took as the documented ones they stand for (schema/observations.json ids). */
  observedAnswers?: ObservationId[];
  durationMs: number;
  /** Set on the check during which the target stopped answering (the run stops there, exit 2). */
  stopped?: string;
}
