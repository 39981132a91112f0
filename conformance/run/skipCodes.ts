// Why a check was skipped, as a code beside the message. The gates (--fail-on-skip), the budget
// hint and the plan printout decide on the code only, so rewording a message can never change a
// verdict — the rule the mock's answer registry keeps too: match codes, never text.

/** Every reason a check can be skipped, and what it means. */
export const SKIP_CODES = {
  'not-a-mock': 'a mock-only check, and the target does not answer GET /__mock/health',
  'mock-locked':
    "a mock-only check, and the mock's control API answered 403 (it needs, or refused, --admin-token)",
  budget: "the check's writes would pass --max-writes (decided at plan time)",
  'budget-exhausted': 'a request of the check could have passed --max-writes (decided at run time)',
  'probe-not-asked': 'the rate-limit probe, and --probe-rate-limit was not given',
  'probe-no-429': 'the rate-limit probe reached its --probe-rate-limit bound without a 429',
  stopped: 'not run: the target stopped answering earlier in the run',
  'opaque-token':
    'the check needs a well-formed token the server refuses as invalid, --token is opaque, and --invalid-token was not given',
} as const satisfies Record<string, string>;

export type SkipCode = keyof typeof SKIP_CODES;

/** A skip as a check, the plan and the report carry it. */
export interface Skip {
  readonly code: SkipCode;
  /** For people: free to reword (nothing decides on it). */
  readonly message: string;
}
