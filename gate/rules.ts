// The rules of the structural engine, as data: what each kind of schema change does to the set of
// accepted values, and so whether it breaks the request side (servers must keep accepting what
// existing clients send: a change that REJECTS an old value breaks) or the response side (existing
// clients must keep parsing what servers answer: a change that ACCEPTS a new value breaks).
// 'maybe' = it depends on the values; the counterexample search decides.

export type Side = 'request' | 'response';
type Effect = boolean | 'maybe';

export interface Rule {
  /** Some value the old schema accepted is rejected by the new one. */
  narrows: Effect;
  /** Some value the new schema accepts was rejected by the old one. */
  widens: Effect;
  title: string;
  /** Overrides the effect-based verdict on one side (the contract says so, whatever the values). */
  verdict?: Partial<Record<Side, boolean>>;
}

export const RULES = {
  'required-added': { narrows: true, widens: false, title: 'a field became required' },
  'required-removed': { narrows: false, widens: true, title: 'a field is no longer required' },
  'property-added': { narrows: false, widens: false, title: 'an optional field was added' },
  'property-added-to-closed': {
    narrows: false,
    widens: true,
    title: 'a field was added where unknown fields are rejected',
  },
  // The lenient schema still accepts a removed field as an unknown one, but the field has left the
  // contract: a server built from the new schema may drop it. The issue counts it as breaking.
  'property-removed': {
    narrows: 'maybe',
    widens: 'maybe',
    title: 'a field was removed',
    verdict: { request: true, response: false },
  },
  'property-renamed': {
    narrows: 'maybe',
    widens: 'maybe',
    title: 'a field was renamed',
    verdict: { request: true, response: true },
  },
  'type-narrowed': { narrows: true, widens: false, title: 'a type was narrowed' },
  'type-widened': { narrows: false, widens: true, title: 'a type was widened' },
  'enum-value-removed': { narrows: true, widens: false, title: 'an allowed value was removed' },
  'enum-value-added': { narrows: false, widens: true, title: 'an allowed value was added' },
  'enum-added': { narrows: true, widens: false, title: 'the values were restricted to a list' },
  'enum-removed': { narrows: false, widens: true, title: 'the list of allowed values was lifted' },
  'const-changed': { narrows: true, widens: true, title: 'the one allowed value changed' },
  'format-added': { narrows: true, widens: false, title: 'a format was added' },
  'format-removed': { narrows: false, widens: true, title: 'a format was removed' },
  'format-changed': { narrows: true, widens: true, title: 'the format changed' },
  'pattern-added': { narrows: true, widens: false, title: 'a pattern was added' },
  'pattern-removed': { narrows: false, widens: true, title: 'a pattern was removed' },
  'pattern-changed': { narrows: 'maybe', widens: 'maybe', title: 'the pattern changed' },
  'bound-added': { narrows: true, widens: false, title: 'a bound was added' },
  'bound-tightened': { narrows: true, widens: false, title: 'a bound was tightened' },
  'bound-relaxed': { narrows: false, widens: true, title: 'a bound was relaxed' },
  'bound-removed': { narrows: false, widens: true, title: 'a bound was removed' },
  'bound-changed': { narrows: 'maybe', widens: 'maybe', title: 'a bound changed' },
  'additional-properties-closed': {
    narrows: true,
    widens: false,
    title: 'unknown fields are now rejected (additionalProperties closed)',
  },
  'additional-properties-opened': {
    narrows: false,
    widens: true,
    title: 'unknown fields are now accepted (additionalProperties opened)',
  },
  'unique-items-added': { narrows: true, widens: false, title: 'array items must now be unique' },
  'unique-items-removed': { narrows: false, widens: true, title: 'array items may now repeat' },
  'branch-removed': {
    narrows: true,
    widens: false,
    title: 'an alternative (anyOf/oneOf branch) was removed',
  },
  'branch-added': { narrows: false, widens: true, title: 'an alternative (anyOf/oneOf branch) was added' },
  'one-of-branch-added': {
    narrows: 'maybe',
    widens: true,
    title: 'a oneOf branch was added (a value matching two branches is now rejected)',
  },
  'schema-closed': { narrows: true, widens: false, title: 'the schema now rejects every value (false)' },
  'schema-opened': {
    narrows: false,
    widens: true,
    title: 'a schema that rejected every value now accepts some',
  },
  'constraint-added': { narrows: 'maybe', widens: false, title: 'a constraint was added' },
  'constraint-removed': { narrows: false, widens: 'maybe', title: 'a constraint was removed' },
  'constraint-changed': { narrows: 'maybe', widens: 'maybe', title: 'a constraint changed' },
  'annotation-changed': {
    narrows: false,
    widens: false,
    title: 'an annotation changed (no effect on values)',
  },
  'status-changed': {
    narrows: false,
    widens: false,
    title: 'the HTTP status of a documented response changed',
    verdict: { response: true },
  },
  'response-removed': {
    narrows: false,
    widens: false,
    title: 'a documented response was removed',
    verdict: { response: true },
  },
  'response-added': { narrows: false, widens: false, title: 'a documented response was added' },
  'response-renamed': {
    narrows: false,
    widens: false,
    title: 'a documented response was renamed (same reason code)',
  },
  // Found only by the counterexample search: a value the structural rules did not explain.
  'rejected-by-new': {
    narrows: true,
    widens: false,
    title: 'the new schema rejects a value the old one accepted',
  },
  'accepted-by-new': {
    narrows: false,
    widens: true,
    title: 'the new schema accepts a value the old one rejected',
  },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Whether a change breaks `side`: true, false, or 'maybe' (breaking if a counterexample exists). */
export function breaks(rule: RuleId, side: Side): Effect {
  const r: Rule = RULES[rule];
  if (r.verdict?.[side] !== undefined) return r.verdict[side];
  return side === 'request' ? r.narrows : r.widens;
}
