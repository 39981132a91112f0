// The counterexample engine: values generated (seeded) from the schema the side must keep
// honouring, checked against the other one. Request side: drawn from the OLD schema, a value the
// NEW one rejects breaks existing clients. Response side: drawn from the NEW schema, a value the OLD
// one rejects breaks existing parsers. Two searches: one aimed at each structural change (a value
// built to reach its node), and a random one over the whole schema that catches what no rule named.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../../schema/schemas';
import type { Change, Seg } from '../structural/change';
import type { SchemaNode } from '../../schema/json/resolveRefs';
import type { RuleId, Side } from '../rules';
import { buildAt } from './buildAt';
import { unescapeSegment } from '../../schema/json/jsonPointer';
import { shrink } from './shrink';
import { probeValues } from './probes';
import { makeRng, NONE, sample } from '../sampling/sample';

export interface Counterexample {
  /** The whole body (request side) or response body (response side). */
  value: unknown;
  /** Every reason the other schema gives for refusing it. */
  refusals: Refusal[];
}

export interface Refusal {
  /** ajv's words: `/0/event_name must be equal to one of the allowed values`. */
  message: string;
  instancePath: string;
  /** Path of the failing keyword in the refusing schema's resolved tree. */
  path: Seg[];
}

export interface Checker {
  accepts(value: unknown): boolean;
  /** Every refusal (the combinators' own summaries left out), or [] when the value is accepted. */
  refusals(value: unknown): Refusal[];
}

let ajv: Ajv2020 | undefined;
function compile(schema: SchemaNode): ValidateFunction {
  if (!ajv) {
    // strict: false — schemas carry x-status / x-reason and may use formats ajv-formats lacks.
    ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true, logger: false });
    addFormats(ajv);
  }
  return ajv.compile(schema as JsonSchema);
}

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if']);

function errorPath(e: ErrorObject): Seg[] {
  return e.schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : unescapeSegment(s)));
}

export function checker(schema: SchemaNode): Checker {
  const validate = compile(schema);
  return {
    accepts: (value) => validate(value) === true,
    refusals(value) {
      if (validate(value)) return [];
      const errors = validate.errors ?? [];
      const own = errors.filter((e) => !COMBINATORS.has(e.keyword));
      return (own.length ? own : errors).map((e) => ({
        message: `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
        instancePath: e.instancePath || '/',
        path: errorPath(e),
      }));
    },
  };
}

/** The ajv keywords a change of each rule makes fail; other rules own any refusal under their node. */
const FAILS_WITH: Partial<Record<RuleId, string[]>> = {
  'property-removed': ['additionalProperties', 'unevaluatedProperties'],
  'property-renamed': ['additionalProperties', 'unevaluatedProperties', 'required'],
  'property-added-to-closed': ['additionalProperties', 'unevaluatedProperties'],
  'additional-properties-closed': ['additionalProperties'],
  'additional-properties-opened': ['additionalProperties'],
  'enum-value-removed': ['enum', 'const'],
  'enum-value-added': ['enum', 'const'],
  'enum-added': ['enum', 'const'],
  'enum-removed': ['enum', 'const'],
  'const-changed': ['enum', 'const'],
  'type-narrowed': ['type'],
  'type-widened': ['type'],
  'required-added': ['required'],
  'required-removed': ['required'],
};

/** Whether a refusal at `path` (in the refusing tree) is the effect of `change`. */
export function owns(change: Change, side: Side, path: Seg[]): boolean {
  const node = side === 'request' ? change.newPath : change.oldPath;
  if (!node.every((seg, i) => path[i] === seg)) return false;
  const rest = path.slice(node.length);
  const expected =
    FAILS_WITH[change.rule] ??
    (/^(bound|format|pattern|unique-items)-/.test(change.rule) ? [change.keyword] : null);
  return expected === null || (rest.length === 1 && expected.includes(String(rest[0])));
}

export function nodeAt(root: SchemaNode, path: Seg[]): SchemaNode | undefined {
  let node: unknown = root;
  for (const seg of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return typeof node === 'boolean' || (node && typeof node === 'object') ? (node as SchemaNode) : undefined;
}

interface Search {
  side: Side;
  /** The schema values are drawn from, and the one that must accept them too. */
  from: SchemaNode;
  /** The schema that must refuse (its bounds and forbidden values are good probes). */
  toSchema: SchemaNode;
  to: Checker;
  fromCheck: Checker;
  seed: number;
}

/** One value that reaches the change's node, is accepted by `from` and refused by `to` because of the change. */
export function targeted(change: Change, s: Search): { value: unknown; refusal: Refusal } | undefined {
  const path = s.side === 'request' ? change.oldPath : change.newPath;
  const node = nodeAt(s.from, path);
  if (node === undefined) return undefined;
  const other = nodeAt(s.toSchema, s.side === 'request' ? change.newPath : change.oldPath);
  const rng = makeRng(s.seed);
  for (const leaf of probeValues(change, node, other, rng)) {
    if (leaf === NONE) continue;
    const value = buildAt(s.from, path, leaf, rng);
    if (value === NONE || !s.fromCheck.accepts(value)) continue;
    const owned = (v: unknown) => s.to.refusals(v).find((r) => owns(change, s.side, r.path));
    if (!owned(value)) continue;
    const small = shrink(value, (v) => s.fromCheck.accepts(v) && owned(v) !== undefined);
    return { value: small, refusal: owned(small)! };
  }
  return undefined;
}

const signature = (refusals: Refusal[]) => refusals.map((r) => r.path.join('/')).join(' ');

/** `count` random values of `from` (seeded) that `to` refuses: one per distinct set of refusals. */
export function randomSearch(s: Search, count: number): Counterexample[] {
  const rng = makeRng(s.seed);
  const found = new Map<string, Counterexample>();
  for (let i = 0; i < count; i++) {
    const value = sample(s.from, rng, i % 10 === 0 ? 'full' : 'random');
    if (value === NONE || !s.fromCheck.accepts(value)) continue;
    const refusals = s.to.refusals(value);
    const key = signature(refusals);
    if (!refusals.length || found.has(key)) continue;
    // Smaller, for the same refusals: a whole random event is hard to read in a CI log.
    const small = shrink(value, (v) => s.fromCheck.accepts(v) && signature(s.to.refusals(v)) === key);
    found.set(key, { value: small, refusals: s.to.refusals(small) });
  }
  return [...found.values()];
}

export function makeSearch(side: Side, oldSchema: SchemaNode, newSchema: SchemaNode, seed: number): Search {
  const [from, to] = side === 'request' ? [oldSchema, newSchema] : [newSchema, oldSchema];
  return { side, from, fromCheck: checker(from), toSchema: to, to: checker(to), seed };
}
