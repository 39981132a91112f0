// The shape of one conformance check: checks are a table of plain objects, registered by name
// (registry.ts), so selecting, planning and reporting never need to know what a check does.
import type { DocumentedReason } from '../../schema';
import type { CheckContext } from '../run/checkContext';
import type { Skip } from '../run/skipCodes';
import type { Basis, ServerUnderTest } from '../run/types';

export interface Check {
  /** Unique, dotted: the family first (`response.token-invalid`), so prefixes select families. */
  name: string;
  title: string;
  /** The documented responses this check provokes and verifies. */
  covers: readonly DocumentedReason[];
  /**
   * Where the rule comes from (run/bases.ts): `docs` (the default), `sdk`, `observed` or
   * `extension`. The profile decides which bases fail the run and which only warn.
   */
  basis?: Basis;
  /** Why the rule holds, shown with a failure; default: its basis's (BASIS_WHY). */
  why?: string;
  /** Most events a conforming server accepts during the check (planned against --max-writes). */
  writes: number;
  /**
   * Most events the check's requests hold together: what a server that wrongly accepts all of them
   * would store (the budget hint counts it for a check that did not fit). Default: `writes`.
   */
  sends?: number;
  /** true, or why the check cannot apply to this server (reported as skipped with that code and message). */
  applies(server: ServerUnderTest): true | Skip;
  run(ctx: CheckContext): Promise<void>;
}

export const always = (): true => true;

export const NOT_A_MOCK: Skip = {
  code: 'not-a-mock',
  message: 'mock-only: the target does not answer GET /__mock/health',
};
export const LOCKED_MOCK: Skip = {
  code: 'mock-locked',
  message: 'mock-only: the target is a mock that needs --admin-token (GET /__mock/health answered 403)',
};
export const REFUSED_ADMIN_TOKEN: Skip = {
  code: 'mock-locked',
  message:
    'mock-only: the target is a mock that refused the given --admin-token (GET /__mock/health answered 403)',
};

export const mockOnly = (server: ServerUnderTest): true | Skip =>
  server.mock
    ? true
    : !server.mockLocked
      ? NOT_A_MOCK
      : server.adminToken
        ? REFUSED_ADMIN_TOKEN
        : LOCKED_MOCK;
