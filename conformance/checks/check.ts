// The shape of one conformance check: checks are a table of plain objects, registered by name
// (registry.ts), so selecting, planning and reporting never need to know what a check does.
import type { DocumentedReason } from '../../schema';
import type { CheckContext } from '../run/checkContext';
import type { ServerUnderTest } from '../run/types';

export interface Check {
  /** Unique, dotted: the family first (`response.token-invalid`), so prefixes select families. */
  name: string;
  title: string;
  /** The documented responses this check provokes and verifies. */
  covers: readonly DocumentedReason[];
  /** Most events a conforming server accepts during the check (planned against --max-writes). */
  writes: number;
  /** true, or why the check cannot apply to this server (reported as skipped with that reason). */
  applies(server: ServerUnderTest): true | string;
  run(ctx: CheckContext): Promise<void>;
}

export const always = (): true => true;

export const mockOnly = (server: ServerUnderTest): true | string =>
  server.mock ? true : 'mock-only: the target does not answer GET /__mock/health';
