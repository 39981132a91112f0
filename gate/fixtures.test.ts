// One fixture pair per rule (gate/fixtures/*.json, each a base schema plus the edit under
// test; see test-support/loadFixture.ts): the gate's verdict, the rules it names, and — checked here
// with a fresh ajv, not the gate's own — that every counterexample it gives is accepted by the schema
// the side must honour and refused by the other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { resolveRefs } from '../schema/json/resolveRefs';
import type { JsonSchema } from '../schema/schemas';
import { judge } from './gate';
import { RULES, type Side } from './rules';
import type { Surface } from './surfaces';
import { BASE_DIR, loadFixtures, readBase, readFixtureFile } from './test-support/loadFixture';

const fixtures = loadFixtures().map((f) => [f.name, f] as const);

function surface(schema: JsonSchema, side: Side): Surface {
  return { id: side, side, resolved: resolveRefs([schema], String(schema.$id)) };
}

function validator(schema: JsonSchema) {
  const ajv = new Ajv2020({ strict: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('fixture files', () => {
  const files = fixtures.map(([name]) => [name, readFixtureFile(name)] as const);

  test('each is a base and an edit, not a copy of a schema', () => {
    const keys = ['description', 'side', 'base', 'setup', 'change', 'expect'];
    for (const [name, file] of files) {
      expect([name, Object.keys(file).every((k) => keys.includes(k))]).toEqual([name, true]);
      expect([name, file.change.length > 0]).toEqual([name, true]);
    }
  });

  test('every shared base is used, and the batch form defines the very event base', () => {
    const used = new Set(files.map(([, file]) => file.base));
    for (const base of readdirSync(BASE_DIR).map((f) => f.replace(/\.json$/, '')))
      expect([base, used.has(base)]).toEqual([base, true]);
    expect((readBase('batch').$defs as Record<string, unknown>).Event).toEqual(readBase('event'));
  });

  test('each change changes the old schema', () => {
    const text = (s: JsonSchema) => JSON.stringify({ ...s, $id: '' });
    for (const [name, f] of fixtures) expect([name, text(f.old)]).not.toEqual([name, text(f.new)]);
  });
});

describe('breaking-change fixtures', () => {
  test('there is a fixture for the cases common tools miss, and both verdicts are covered', () => {
    const names = fixtures.map(([n]) => n);
    for (const must of [
      'enum-value-removed',
      'format-added',
      'required-added-in-messages-items',
      'additional-properties-closed',
      'response-message-changed',
      'property-added-optional',
      'type-widened',
      'enum-value-added',
      'description-changed',
    ])
      expect(names).toContain(must);
    expect(fixtures.some(([, f]) => f.expect.breaking)).toBe(true);
    expect(fixtures.some(([, f]) => !f.expect.breaking)).toBe(true);
  });

  test('every rule is exercised: by a fixture here, or on the contract schemas in gate.test.ts', () => {
    const inGateTest = [
      'status-changed',
      'response-removed',
      'response-added',
      'response-renamed',
      'rejected-by-new',
      'accepted-by-new',
    ];
    const inFixtures = new Set(fixtures.flatMap(([, f]) => f.expect.rules));
    const gateTest = readFileSync(path.join(__dirname, 'gate.test.ts'), 'utf8');
    for (const rule of Object.keys(RULES)) {
      if (inGateTest.includes(rule)) expect(gateTest).toContain(`'${rule}'`);
      else expect([rule, inFixtures.has(rule)]).toEqual([rule, true]);
    }
  });

  test.each(fixtures)('%s', (_name, f) => {
    const { findings } = judge([surface(f.old, f.side)], [surface(f.new, f.side)], { seed: 1, samples: 200 });
    expect([...new Set(findings.map((x) => x.rule))].sort()).toEqual(f.expect.rules);
    expect(findings.some((x) => x.breaking)).toBe(f.expect.breaking);
    for (const finding of findings) {
      expect(RULES[finding.rule].title).toBe(finding.title);
      expect(finding.pointer).toMatch(/#/);
    }
    const examples = findings.filter((x) => x.breaking && x.counterexample);
    expect(examples.length > 0).toBe(f.expect.counterexample);
    // The side's contract: request — old accepts, new refuses; response — new accepts, old refuses.
    const [accepting, refusing] = f.side === 'request' ? [f.old, f.new] : [f.new, f.old];
    const [yes, no] = [validator(accepting), validator(refusing)];
    for (const { counterexample } of examples) {
      expect(yes(counterexample!.value)).toBe(true);
      expect(no(counterexample!.value)).toBe(false);
    }
  });
});
