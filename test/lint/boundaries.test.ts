// The import boundaries are an ESLint rule that `npm test` runs (through `npm run lint`). Here the
// real ESLint configuration lints small files placed in each folder: every forbidden import must be
// reported, and the allowed ones must not. ESLint loads its ESM config, which Jest's module system
// cannot, so one plain node process lints every case.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

const LINT_ALL = `
const { ESLint } = require('eslint');
const cases = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const [file, code] of cases) {
    const [result] = await eslint.lintText(code, { filePath: require('node:path').resolve(file) });
    out.push(result.messages.filter((m) => m.ruleId === 'tga/boundaries').map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

const FORBIDDEN: [string, string][] = [
  ['schema/x.ts', "import { startMock } from '../mock-server';"],
  ['schema/json/x.ts', "import { helpText } from '../../cli-kit';"],
  ['cli-kit/x.ts', "import { schemas } from '../schema';"],
  ['mock-server/core/x.ts', "import express from 'express';"],
  ['mock-server/core/x.ts', "import { createApp } from '../http/app';"],
  ['mock-server/x.ts', "import { runChecks } from '../conformance/checks';"],
  ['mock-server/http/x.ts', "export * from '../../conformance';"],
  ['conformance/x.ts', "import { createToken } from '../mock-server';"],
  ['conformance/run/x.ts', "const m = require('../../mock-server/core/answers');"],
  ['scripts/x.ts', "import { checkToken } from '../mock-server/core/tokenSignature';"],
  ['scripts/bench/x.ts', "import { runConformance } from '../../conformance/cli/main';"],
  ['scripts/bench/x.ts', "const t = import('../../test/support/x');"],
  ['mock-server/x.ts', "import { routeToMock } from '../playwright';"],
  ['mock-server/core/x.ts', "import { routeToMock } from '../../playwright/routeToMock';"],
  ['conformance/x.ts', "import { telegramLaunchUrl } from '../playwright';"],
  ['playwright/x.ts', "import { createApp } from '../mock-server/http/app';"],
  ['playwright/x.ts', "import { runChecks } from '../conformance/checks';"],
  ['playwright/x.ts', "import { createApp } from '../mock-server/telegram/other';"],
  // A shell never imports another (the inspector is part of the HTTP shell); the core imports none.
  ['mock-server/http/x.ts', "import { createMswMock } from '../msw';"],
  ['mock-server/inspector/x.ts', "import { createMswMock } from '../msw/index';"],
  ['mock-server/msw/x.ts', "import { createApp } from '../http/app';"],
  ['mock-server/msw/x.ts', "import { createInspectorRouter } from '../inspector/createInspectorRouter';"],
  ['mock-server/core/x.ts', "import { createMswMock } from '../msw';"],
  ['mock-server/core/x.ts', "import type { X } from '../inspector/inspectorRow';"],
  ['mock-server/msw/x.ts', "import { runChecks } from '../../conformance/checks';"],
  // The gate judges schema files: never the mock, the suite, the Playwright helpers or scripts.
  ['gate/x.ts', "import { startMock } from '../mock-server';"],
  ['gate/structural/x.ts', "import { decide } from '../../mock-server/core/decide';"],
  ['gate/x.ts', "import { runChecks } from '../conformance/checks';"],
  ['gate/sampling/x.ts', "const c = require('../../conformance');"],
  ['gate/x.ts', "import { routeToMock } from '../playwright';"],
  ['gate/x.ts', "import { runCli } from '../scripts/scriptCli';"],
  // The contract imports nothing of ours, not even the gate.
  ['schema/x.ts', "import { judge } from '../gate/gate';"],
  ['schema/json/x.ts', "import type { Report } from '../../conformance/report';"],
];

const ALLOWED: [string, string][] = [
  ['schema/json/x.ts', "import { schemas } from '../schemas';\nimport Ajv from 'ajv';"],
  [
    'mock-server/core/x.ts',
    "import { decodeToken } from '../../schema/token';\nimport { str } from '../../cli-kit';",
  ],
  ['mock-server/http/x.ts', "import express from 'express';\nimport { decide } from '../core/decide';"],
  ['conformance/x.ts', "import { schemas } from '../schema';"],
  [
    'scripts/bench/x.ts',
    "import { createToken } from '../../mock-server';\nimport { schemas } from '../../schema';",
  ],
  ['scripts/x.ts', "import { startMock } from '../mock-server/index';"],
  [
    'playwright/x.ts',
    "import { startMock } from '../mock-server';\nimport { telegramLaunchUrl } from '../mock-server/telegramLaunch';\nimport type { Page } from 'playwright-core';",
  ],
  ['playwright/x.ts', "import { telegramWebAppScriptText } from '../mock-server/telegram/standIn';"],
  [
    'mock-server/inspector/x.ts',
    "import { sendReason } from '../http/send';\nimport { decide } from '../core/decide';",
  ],
  ['mock-server/http/x.ts', "import { createInspectorRouter } from '../inspector/createInspectorRouter';"],
  ['mock-server/msw/x.ts', "import { decide } from '../core/decide';\nimport { http } from 'msw';"],
  [
    'gate/structural/x.ts',
    "import type { SchemaNode } from '../../schema/json/resolveRefs';\nimport { RULES } from '../rules';",
  ],
  [
    'gate/x.ts',
    "import { str } from '../cli-kit';\nimport { schemas } from '../schema';\nimport Ajv from 'ajv/dist/2020';",
  ],
  ['test/x.ts', "import { judge } from '../gate/gate';"],
  [
    'test/x.ts',
    "import { createApp } from '../mock-server/http/app';\nimport { x } from '../conformance/y';",
  ],
];

let results: string[][];
beforeAll(() => {
  const cases = [...FORBIDDEN, ...ALLOWED];
  results = JSON.parse(
    execFileSync(process.execPath, ['-e', LINT_ALL, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' }),
  );
}, 60_000);

test.each(FORBIDDEN.map((c, i) => [...c, i] as const))('%s may not: %s', (_file, _code, i) => {
  expect(results[i]).toHaveLength(1);
  expect(results[i][0]).toMatch(/may not import/);
  // Each message sends the reader to the page that says why the boundary is there.
  expect(results[i][0]).toContain('docs/architecture.md#boundaries');
});

test.each(ALLOWED.map((c, i) => [...c, FORBIDDEN.length + i] as const))('%s may: %s', (_file, _code, i) => {
  expect(results[i]).toEqual([]);
});
