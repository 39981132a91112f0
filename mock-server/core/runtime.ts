// The mock's state and rules without any transport: options resolved, the journal (and its file),
// faults, the rate limiter and the validator, wired for the decision. The Express app (http/app.ts)
// and the in-process MSW handlers (msw/) are two shells around one runtime each, so a request gets
// the same answer and the same journal entry either way.
import { readFileSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { createFingerprintValidator, createRequestValidator } from '../../schema';
import type { Random } from '../../schema/random';
import type { DecisionDeps } from './decide';
import { createFaultStore, type FaultStore } from './faults';
import { createJournal, type Journal } from './journal';
import { createFileSink } from './journal/fileSink';
import { resolveOptions, type MockOptions } from './options';
import { createRateLimiter, type RateLimiter } from './rateLimit';

export interface MockDeps {
  /** Clock for rate windows and journal times (ms since the epoch). */
  now?: () => number;
  /** Random source for probability faults armed without a seed. */
  random?: Random;
  /** Where request lines go. Default: stdout at options.logLevel. */
  logger?: Logger;
}

export interface Runtime {
  readonly options: MockOptions;
  readonly journal: Journal;
  readonly faults: FaultStore;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  readonly now: () => number;
  readonly decisionDeps: DecisionDeps;
  /** The same rules for POST /events/fingerprint, its body checked against fingerprint.schema.json. */
  readonly fingerprintDeps: DecisionDeps;
  /** Empties the journal and its counters, disarms every fault, forgets rate-limit counts. */
  reset(): void;
}

export function createRuntime(options: Partial<MockOptions> = {}, deps: MockDeps = {}): Runtime {
  const resolved = resolveOptions({ overrides: options, readFile: (p) => readFileSync(p, 'utf8') });
  if (!resolved.ok) throw new Error(resolved.error);
  const opts = resolved.options;
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? pino({ level: opts.logLevel });
  let fileErrors = 0;
  const journal = createJournal({
    cap: opts.journalCap,
    maxBytes: opts.journalMaxBytes,
    now,
    sink: opts.journalFile
      ? createFileSink(opts.journalFile, {
          required: opts.journalFileRequired,
          // Logged at error level (first failure, then every 1,000th: a full disk fails every write).
          onError: (err) => {
            if (fileErrors++ % 1000 === 0)
              logger.error(
                { err, path: opts.journalFile, failures: fileErrors },
                'journal file write failed',
              );
          },
        })
      : undefined,
    sinkRequired: opts.journalFileRequired,
  });
  const faults = createFaultStore(deps.random);
  const limiter = createRateLimiter({ limit: opts.rateLimit, windowMs: opts.rateWindow * 1000, now });
  const validator = createRequestValidator({ strict: opts.strict });
  return {
    options: opts,
    journal,
    faults,
    limiter,
    logger,
    now,
    decisionDeps: { secret: opts.secret, requireOrigin: opts.requireOrigin, limiter, validator, faults },
    fingerprintDeps: {
      secret: opts.secret,
      requireOrigin: opts.requireOrigin,
      limiter,
      validator: createFingerprintValidator(),
      faults,
    },
    reset() {
      journal.clear();
      faults.clear();
      limiter.reset();
    },
  };
}
