// The gate's fixtures (gate/fixtures/*.json) are written as the change they test, not
// as two full copies of a schema:
//
//   { "description": "...", "side": "request" | "response",
//     "base": "event",     a shared schema in fixtures/base/ (event, batch, response), or one inline
//     "setup": [...],      optional JSON Patch (RFC 6902) turning the base into the old schema
//     "change": [...],     the JSON Patch under test, turning the old schema into the new one
//     "expect": { "breaking": ..., "rules": [...], "counterexample": ... } }
//
// Each side gets `$schema` (draft 2020-12) and the `$id` https://fixtures.invalid/<name>.old.json
// (or .new.json), so the gate's pointers name the fixture and the side.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonSchema } from '../../schema/schemas';
import type { Side } from '../rules';
import { applyPatch, type PatchOp } from './jsonPatch';

export const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures');
export const BASE_DIR = path.join(FIXTURE_DIR, 'base');

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

export interface FixtureFile {
  description: string;
  side: Side;
  base: string | JsonSchema;
  setup?: PatchOp[];
  change: PatchOp[];
  expect: { breaking: boolean; rules: string[]; counterexample: boolean };
}

export interface Fixture extends Omit<FixtureFile, 'base' | 'setup' | 'change'> {
  name: string;
  old: JsonSchema;
  new: JsonSchema;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

export const readBase = (name: string): JsonSchema =>
  readJson(path.join(BASE_DIR, `${name}.json`)) as JsonSchema;

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();

function asSchema(value: unknown, what: string): JsonSchema {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${what} is not a schema object`);
  return value as JsonSchema;
}

export const readFixtureFile = (name: string): FixtureFile =>
  readJson(path.join(FIXTURE_DIR, `${name}.json`)) as FixtureFile;

export function loadFixture(name: string): Fixture {
  const { base, setup = [], change, ...rest } = readFixtureFile(name);
  if (!Array.isArray(change) || change.length === 0)
    throw new Error(`${name}: "change" must list the edit under test`);
  const start = typeof base === 'string' ? readBase(base) : asSchema(base, `${name}: "base"`);
  const old = asSchema(applyPatch(start, setup), `${name}: the old schema`);
  const cur = asSchema(applyPatch(old, change), `${name}: the new schema`);
  const withId = (schema: JsonSchema, which: 'old' | 'new'): JsonSchema => {
    const { $schema: _schema, $id: _id, ...body } = schema;
    return { $schema: DRAFT, $id: `https://fixtures.invalid/${name}.${which}.json`, ...body };
  };
  return { name, ...rest, old: withId(old, 'old'), new: withId(cur, 'new') };
}

export const loadFixtures = (): Fixture[] => fixtureNames().map(loadFixture);
