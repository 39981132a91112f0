// The registry: every check, in run order. Order matters three times: every check that sends
// valid events (the 201 responses, the positives, gzip and the SDK-shaped batch included) runs
// before any check that sends what must be rejected, so a lenient server that wrongly accepts
// those cannot use up --max-writes before them; the extension checks follow the documented ones
// of their kind; and the rate-limit probe runs last (once it has provoked 429, further requests
// would be limited too).
import { corsChecks } from './cors';
import { createRegistry } from './registry';
import { mockChecks } from './mockOnly';
import { bodyLevelNegatives, documentedNegatives, extensionNegatives } from './negatives';
import { positiveChecks, sdkShaped } from './positives';
import { rateLimitProbe } from './rateLimitProbe';
import { responseChecks } from './responses';
import { thresholdCheck } from './threshold';

const writing = responseChecks.filter((c) => c.writes > 0);
const rejected = responseChecks.filter((c) => c.writes === 0);

export const registry = createRegistry([
  ...writing,
  ...positiveChecks,
  sdkShaped,
  ...corsChecks,
  ...rejected,
  ...documentedNegatives,
  ...bodyLevelNegatives,
  ...extensionNegatives,
  thresholdCheck,
  ...mockChecks,
  rateLimitProbe,
]);
