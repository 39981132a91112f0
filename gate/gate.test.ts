// The gate on the contract's own schemas: edits a copy of the real files and checks the verdict,
// the rule, the pointer and the counterexample of each.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as compare from './structural/compare';
import { judge, type Finding } from './gate';
import { loadSurfaces, SCHEMA_FILES, type Surface } from './surfaces';

const root = path.join(__dirname, '..');
type Files = Record<string, unknown>;

function contractFiles(): Files {
  const files: Files = {};
  for (const rel of Object.values(SCHEMA_FILES))
    files[rel] = JSON.parse(readFileSync(path.join(root, rel), 'utf8'));
  return files;
}

function surfaces(files: Files, strictFrom: 'generated' | 'derive' = 'derive'): Surface[] {
  const s = loadSurfaces((rel) => (rel in files ? JSON.stringify(files[rel]) : null), 'test', strictFrom);
  if (!s) throw new Error('no request schema');
  return s;
}

// The edits reach deep into arbitrary JSON; typing each path would only restate the schema files.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = Record<string, Record<string, any>>;

function edited(edit: (f: Editable) => void): Files {
  const files = contractFiles();
  edit(files as Editable);
  return files;
}

const run = (head: Files, base: Files = contractFiles()) =>
  judge(surfaces(base, 'generated'), surfaces(head), { seed: 1, samples: 100 }).findings;
const breaking = (fs: Finding[]) => fs.filter((f) => f.breaking);

describe('the gate on the contract schemas', () => {
  test('the schemas compared with themselves: 11 surfaces, no findings', () => {
    expect(surfaces(contractFiles()).map((s) => s.id)).toEqual([
      'request',
      'request.strict',
      ...Object.keys((contractFiles()[SCHEMA_FILES.responses] as { $defs: object }).$defs).map(
        (n) => `response:${n}`,
      ),
      'threshold',
    ]);
    expect(run(contractFiles())).toEqual([]);
  });

  test('an event name removed: breaking, at both request forms and variants, with the name as counterexample', () => {
    const findings = run(
      edited((f) =>
        f[SCHEMA_FILES.eventNames].enum.splice(f[SCHEMA_FILES.eventNames].enum.indexOf('app-hide'), 1),
      ),
    );
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      rule: 'enum-value-removed',
      breaking: true,
      pointer: 'event-names.schema.json#/enum',
    });
    expect(f.at.sort()).toEqual(['/*/event_name', '/event_name']);
    expect(f.surfaces.sort()).toEqual(['request', 'request.strict']);
    expect(JSON.stringify(f.counterexample?.value)).toContain('"event_name":"app-hide"');
  });

  test('a required field inside messages[] items: breaking, pointed at the items schema', () => {
    const [f, ...rest] = run(
      edited((f) => (f[SCHEMA_FILES.event].properties.messages.items.required = ['address'])),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'required-added',
      breaking: true,
      pointer: 'event.schema.json#/properties/messages/items/required',
    });
    expect(f.counterexample?.rejection).toMatch(/must have required property 'address'/);
  });

  test('the strict variant in place of the lenient one: additionalProperties closed, breaking', () => {
    const base = surfaces(contractFiles());
    const lenient = base.find((s) => s.id === 'request')!;
    const strict = { ...base.find((s) => s.id === 'request.strict')!, id: 'request' };
    const findings = breaking(judge([lenient], [strict], { seed: 1, samples: 50 }).findings);
    expect(findings.map((f) => f.rule)).toEqual(['additional-properties-closed']);
    expect(findings[0].pointer).toBe('event.strict.schema.json#/additionalProperties');
    expect(findings[0].counterexample?.rejection).toMatch(/must NOT have additional properties/);
  });

  test('a response message text changed: breaking on the response side, the new body as counterexample', () => {
    const findings = run(
      edited((f) => {
        const def = f[SCHEMA_FILES.responses].$defs.TokenInvalid;
        def.properties.message.const = 'Token is not valid.';
        def.examples = [{ message: 'Token is not valid.' }];
      }),
    );
    const f = findings.find((x) => x.rule === 'const-changed');
    expect(f).toMatchObject({ side: 'response', breaking: true, surfaces: ['response:TokenInvalid'] });
    expect(f?.counterexample?.value).toEqual({ message: 'Token is not valid.' });
    // The examples are annotations: listed, not breaking.
    expect(findings.map((x) => [x.rule, x.breaking]).sort()).toEqual([
      ['annotation-changed', false],
      ['const-changed', true],
    ]);
  });

  test('a status changed, a response removed: breaking; a response renamed with its reason code kept: not', () => {
    const changedStatus = run(
      edited((f) => (f[SCHEMA_FILES.responses].$defs.DomainMismatch['x-status'] = 401)),
    );
    expect(breaking(changedStatus).map((f) => [f.rule, f.detail, f.pointer])).toEqual([
      [
        'status-changed',
        'response:DomainMismatch: HTTP 403 → 401',
        'responses.schema.json#/$defs/DomainMismatch/x-status',
      ],
    ]);
    const removed = run(edited((f) => delete f[SCHEMA_FILES.responses].$defs.TooManyRequests));
    expect(breaking(removed).map((f) => [f.rule, f.pointer, f.pointerSide])).toEqual([
      ['response-removed', 'responses.schema.json#/$defs/TooManyRequests', 'base'],
    ]);
    const added = run(
      edited((f) => {
        const defs = f[SCHEMA_FILES.responses].$defs;
        defs.Unauthorized = { ...defs.TokenInvalid, 'x-status': 401, 'x-reason': 'UNAUTHORIZED' };
      }),
    );
    expect(added.map((f) => [f.rule, f.breaking])).toEqual([['response-added', false]]);
    const renamed = run(
      edited((f) => {
        const defs = f[SCHEMA_FILES.responses].$defs;
        defs.RateLimited = defs.TooManyRequests;
        delete defs.TooManyRequests;
      }),
    );
    expect(renamed.map((f) => [f.rule, f.breaking])).toEqual([['response-renamed', false]]);
  });

  test('an optional field added: non-breaking on both request variants', () => {
    const findings = run(edited((f) => (f[SCHEMA_FILES.event].properties.locale_v2 = { type: 'string' })));
    expect(findings.map((f) => [f.rule, f.breaking]).sort()).toEqual([
      ['property-added', false],
      ['property-added-to-closed', false],
    ]);
  });

  test('a provenance annotation changed (x-source, x-widened): non-breaking', () => {
    const findings = run(
      edited((f) => {
        f[SCHEMA_FILES.event].properties.trace_id['x-source'] = 'docs';
        f[SCHEMA_FILES.event].properties.auth_type['x-widened'] = [];
      }),
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(breaking(findings)).toEqual([]);
  });

  test('the counterexample search finds a break on its own when the structural engine names nothing', () => {
    const spy = jest.spyOn(compare, 'compareSchemas').mockReturnValue([]);
    try {
      const findings = run(edited((f) => (f[SCHEMA_FILES.event].properties.user_id.type = 'string')));
      const found = breaking(findings);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((f) => f.rule === 'rejected-by-new' && f.counterexample)).toBe(true);
      expect(found.map((f) => f.pointer)).toContain('event.schema.json#/properties/user_id/type');
      // Response side: a value the new schema lets through that existing clients refuse.
      const widened = run(edited((f) => (f[SCHEMA_FILES.threshold].additionalProperties.minimum = -5)));
      expect(breaking(widened).map((f) => [f.rule, f.pointer, f.surfaces])).toEqual([
        ['accepted-by-new', 'threshold.schema.json#/additionalProperties/minimum', ['threshold']],
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});
