// The shape of one conformance check (STYLE §9: checks as a table, registered by name).
import type { DocumentedReason } from '../schema';
import type { CheckContext } from './checkContext';
import type { Target } from './types';

export interface Check {
  /** Unique, dotted: the family first (`response.token-invalid`), so prefixes select families. */
  name: string;
  title: string;
  /** The documented responses this check provokes and verifies. */
  covers: readonly DocumentedReason[];
  /** Most events a conforming server accepts during the check (planned against --max-writes). */
  writes: number;
  /** true, or why the check cannot apply to this target (reported as skipped with that reason). */
  applies(target: Target): true | string;
  run(ctx: CheckContext): Promise<void>;
}

export const always = (): true => true;

export const mockOnly = (target: Target): true | string =>
  target.mock ? true : 'mock-only: the target does not answer GET /__mock/health';
