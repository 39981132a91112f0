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
   * `undocumented` when the verdict rests on fields or behaviour only real clients show (the
   * `undocumented.` family): reported as a warning unless --profile strict. Default `docs`.
   */
  basis?: Basis;
  /** Most events a conforming server accepts during the check (planned against --max-writes). */
  writes: number;
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
