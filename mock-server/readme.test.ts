// The README's mock sections say what the code does: the flag table is the option table, the
// startMock example is the one that runs (startMock.example.test.ts), the curl body records.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { OPTION_TABLE } from './core/options';
import { makeApp, token } from './test-support/fixtures';
import { documentedResponse } from '../schema';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The mock server'), readme.indexOf('## Conformance suite'));

test('the flag table lists every option with its env variable and default', () => {
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('| `--'))
    .map((l) =>
      l
        .split('|')
        .slice(1, 4)
        .map((c) => c.trim().replace(/`/g, '')),
    );
  expect(rows.map(([flag, env]) => [flag, env])).toEqual(OPTION_TABLE.map((o) => [o.flag, o.env]));
  for (const [i, o] of OPTION_TABLE.entries()) {
    const shown = rows[i][2];
    expect(shown).toBe(
      o.default === undefined
        ? 'none'
        : typeof o.default === 'object'
          ? JSON.stringify(o.default)
          : String(o.default),
    );
  }
});

test('the startMock example is the one startMock.example.test.ts runs', () => {
  const block = /### In your own tests: `startMock`\n\n```ts\n([\s\S]*?)```/.exec(section)![1];
  const example = readFileSync(path.join(__dirname, 'startMock.example.test.ts'), 'utf8');
  const body = example.slice(example.indexOf('\nimport ') + 1);
  expect(block).toBe(body.replace("from './index'", "from 'tga-contract'"));
});

test("the curl example's body is recorded (201)", async () => {
  const body = /### Try it[\s\S]*?-d '([^']+)'/.exec(section)![1];
  const res = await request(makeApp())
    .post('/events')
    .set('Content-Type', 'application/json')
    .set('TGA-Auth-Token', token())
    .send(body);
  expect([res.status, res.body]).toEqual([201, documentedResponse('RECORDED').body]);
});
