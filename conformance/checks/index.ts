// The registry: every check, in run order. Order matters twice: positives run after the
// negatives (their writes come last under --max-writes), and the rate-limit probe runs last (once
// it has provoked 429, further requests would be limited too).
import { createRegistry } from './registry';
import { mockChecks } from './mockOnly';
import { negativeChecks } from './negatives';
import { positiveChecks } from './positives';
import { rateLimitProbe } from './rateLimitProbe';
import { responseChecks } from './responses';

export const registry = createRegistry([
  ...responseChecks,
  ...negativeChecks,
  ...positiveChecks,
  ...mockChecks,
  rateLimitProbe,
]);
