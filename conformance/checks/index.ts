// The registry: every check, in run order. Order matters three times: positives (gzip and the
// SDK-shaped batch included) run before the schema negatives, so a lenient server that wrongly
// accepts negatives cannot use up --max-writes before them; the warning checks follow the failing
// ones of their kind; and the rate-limit probe runs last (once it has provoked 429, further
// requests would be limited too).
import { corsChecks } from './cors';
import { createRegistry } from './registry';
import { mockChecks } from './mockOnly';
import { bodyLevelNegatives, documentedNegatives, undocumentedNegatives } from './negatives';
import { positiveChecks, sdkShaped } from './positives';
import { rateLimitProbe } from './rateLimitProbe';
import { responseChecks } from './responses';
import { thresholdCheck } from './threshold';

export const registry = createRegistry([
  ...responseChecks,
  ...corsChecks,
  ...positiveChecks,
  sdkShaped,
  ...documentedNegatives,
  ...bodyLevelNegatives,
  ...undocumentedNegatives,
  thresholdCheck,
  ...mockChecks,
  rateLimitProbe,
]);
