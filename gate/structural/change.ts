// What the structural engine reports and the counterexample search reads: a change (its rule, where
// it is, what to aim at) and the path segments that locate a node in a resolved tree. A file of its
// own so that compare.ts, the keyword families' walker.ts and the search all import it, and none
// of them has to import another for a type (walker.ts once imported compare.ts, closing a circle).
import type { RuleId } from '../rules';

export type Seg = string | number;

export interface Change {
  rule: RuleId;
  /** Path of the compared node in the old / new resolved tree (the node that holds the keyword). */
  oldPath: Seg[];
  newPath: Seg[];
  /** `file#/pointer` of the keyword, in the new schema when it is there, else in the old one. */
  pointer: string;
  pointerSide: 'base' | 'head';
  /** The keyword that differs (`required`, `enum`, `maxLength`…), or '' for the node as a whole. */
  keyword: string;
  /** The instance location the node governs, e.g. `/*\/messages/*\/address` (`*` = any item). */
  at: string;
  detail: string;
  /** What the counterexample search aims at: a value to put at the node, a field to leave out… */
  probe?: {
    /** Values to try at the node. */
    values?: unknown[];
    /** A field to leave out of the object at the node. */
    omit?: string;
    /** A field to put into the object at the node. */
    extraKey?: string;
    /** JSON types to try at the node. */
    types?: string[];
    /** A branch (of the tree it exists in) to draw values from. */
    branch?: { keyword: string; index: number };
  };
}
