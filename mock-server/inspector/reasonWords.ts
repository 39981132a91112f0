// Why a request got its answer, in words, for the first line of an opened inspector row. The
// reason code is what code matches on; this is what a person reads. Reasons without a sentence
// here fall back to the answer registry's message (the docs' own wording for documented ones).
import { ANSWERS, type Answer } from '../core/answers';

const WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    RECORDED: 'The token verified and every event in the batch validated: the whole batch was recorded.',
    RECORD_FAILED:
      'Nothing was recorded: the answer is the documented "Failed to record" (in the mock, an armed record-failure fault).',
    TOKEN_MISSING_OR_MALFORMED:
      'Nothing was recorded: the TGA-Auth-Token header is missing or is not a token, so no app could be read from it.',
    TOKEN_INVALID:
      "Nothing was recorded: the token's signature does not verify with this mock's secret, so the app it names is not trusted.",
    APP_NAME_MISMATCH: "Nothing was recorded: an event's app_name is not the app the token was issued for.",
    VALIDATION:
      'Nothing was recorded: the body does not match the event schema (failing fields are marked below).',
    DOMAIN_MISMATCH:
      "Nothing was recorded: the request's Origin (or Referer) is not the domain the token was issued for.",
    RATE_LIMITED:
      'Nothing was recorded: this app sent more requests than the rate limit allows in its window.',
    PAYLOAD_TOO_LARGE: "Nothing was recorded: the body, decoded, is over the mock's body limit.",
    UNSUPPORTED_ENCODING: 'Nothing was recorded: the body has a Content-Encoding the service does not read.',
    SERVER_ERROR_FAULT:
      'Nothing was recorded: an armed server-error fault answered a 5xx, as a failing service does.',
    RESET:
      'Nothing was recorded: an armed reset fault dropped the connection, so the client got no answer at all.',
    JOURNAL_WRITE_FAILED: 'Nothing was recorded: the required journal file refused the write.',
    // --upstream (http/proxyHandler.ts): the upstream's own answer, checked.
    UPSTREAM_DEVIATION:
      "The upstream's answer is neither a documented nor an observed one; the deviation below says how.",
    PREFLIGHT: "A CORS preflight, forwarded to the upstream; its answer is checked against the SDK's needs.",
    THRESHOLD: 'GET /events/threshold, forwarded to the upstream.',
    INTERNAL_ERROR: 'Nothing was recorded: the mock failed unexpectedly (its log has the error).',
  }),
);

const REGISTRY: ReadonlyMap<string, Answer> = ANSWERS;

/** A sentence saying why this reason was answered, or undefined for a code nobody describes. */
export function reasonWords(reason: string): string | undefined {
  const words = WORDS.get(reason);
  if (words !== undefined) return words;
  const message = REGISTRY.get(reason)?.body.message;
  return typeof message === 'string' ? message : undefined;
}
