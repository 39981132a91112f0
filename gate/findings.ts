// The gate's findings as they are collected: one per change, however many times it is met. The
// event schema is reached from both request forms (one event, a batch) and both request variants
// (as written, strict), so one edit is met up to four times; it is reported once, with every place.
import { RULES, type RuleId, type Side } from './rules';

export interface Finding {
  rule: RuleId;
  title: string;
  side: Side;
  breaking: boolean;
  detail: string;
  /** `file#/pointer` of the keyword (in the head schema, or in the base for what was removed). */
  pointer: string;
  pointerSide: 'base' | 'head';
  /** Instance locations the change governs. */
  at: string[];
  surfaces: string[];
  counterexample?: { surface: string; value: unknown; rejection: string };
  /** Why there is no counterexample, where that matters. */
  note?: string;
}

/** One sighting of a finding: on one surface, at one instance location. */
export type Sighting = Omit<Finding, 'title' | 'breaking' | 'at' | 'surfaces'> & {
  at: string;
  surface: string;
};

/** The strict variant is generated from the file as written: the same edit, the same finding. */
const sourceOf = (pointer: string) => pointer.replace(/\.strict\.schema\.json#/, '.schema.json#');

export class Findings {
  private readonly byKey = new Map<string, Finding>();

  add(s: Sighting, breaking: boolean): void {
    const key = [s.side, s.rule, sourceOf(s.pointer), s.detail].join('\u0000');
    const seen = this.byKey.get(key);
    if (!seen) {
      const { surface, at, ...rest } = s;
      this.byKey.set(key, { ...rest, title: RULES[s.rule].title, breaking, at: [at], surfaces: [surface] });
      return;
    }
    if (!seen.surfaces.includes(s.surface)) seen.surfaces.push(s.surface);
    if (!seen.at.includes(s.at)) seen.at.push(s.at);
    seen.counterexample ??= s.counterexample;
    if (seen.counterexample) delete seen.note;
    seen.breaking ||= breaking;
  }

  list(): Finding[] {
    return [...this.byKey.values()];
  }
}
