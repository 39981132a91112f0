// The project's import boundaries as an ESLint rule, so a forbidden import fails `npm run lint`
// (and so `npm test`) instead of relying on memory. Each folder says which of our folders it may
// not import; `test/` may import anything. Why each boundary is there: docs/architecture.md#boundaries.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The mock's shells around its core: the HTTP one (with the inspector page it serves) and MSW's. */
const SHELLS = ['mock-server/http', 'mock-server/inspector', 'mock-server/msw'];

/**
 * [folder of the importing file, rule], the more specific folders first: `only` lists what of ours
 * it may import (files outside every listed folder are ours too: a list means "nothing else");
 * `never` what it may not; `packages` npm packages it may not.
 */
export const BOUNDARIES = [
  ['schema', { only: ['schema'], why: 'the contract imports nothing of ours' }],
  ['cli-kit', { only: ['cli-kit'], why: 'the shared CLI helper imports nothing of ours' }],
  [
    'mock-server/core',
    {
      never: SHELLS,
      packages: ['express'],
      why: "the mock's decision core is plain functions: Express, mock-server/http and mock-server/msw are its shells",
    },
  ],
  // The inspector is part of the HTTP shell (it may import mock-server/http); the two shells never
  // import each other: what both need lives in mock-server/core.
  ...['mock-server/http', 'mock-server/inspector'].map((folder) => [
    folder,
    {
      never: ['mock-server/msw'],
      why: 'a shell never imports another: the HTTP shell (http/, inspector/) shares with mock-server/msw only through mock-server/core',
    },
  ]),
  [
    'mock-server/msw',
    {
      never: ['mock-server/http', 'mock-server/inspector'],
      why: 'a shell never imports another: mock-server/msw shares with the HTTP shell (http/, inspector/) only through mock-server/core',
    },
  ],
  [
    'mock-server',
    {
      never: ['conformance', 'playwright', 'gate'],
      why: 'the mock never imports the conformance suite, the gate, nor the Playwright helpers (the main entry must not load Playwright)',
    },
  ],
  [
    'playwright',
    {
      only: [
        'playwright',
        'schema',
        'cli-kit',
        'mock-server/index.ts',
        'mock-server/telegramLaunch.ts',
        'mock-server/telegram/standIn.ts',
      ],
      why: "the Playwright helpers use the contract, the CLI helper and the mock's public pieces only",
    },
  ],
  [
    'conformance',
    {
      never: ['mock-server', 'playwright', 'gate'],
      why: 'the suite talks to a server over HTTP only, never to the mock inside',
    },
  ],
  [
    'gate',
    {
      only: ['gate', 'schema', 'cli-kit'],
      why: 'the breaking-change gate judges the schema files alone: never the mock, the suite, the Playwright helpers or scripts',
    },
  ],
  [
    'scripts',
    {
      only: ['scripts', 'schema', 'cli-kit', 'mock-server/index.ts'],
      why: "scripts use the contract, the CLI helper and the package's public entry points only",
    },
  ],
];

const OURS = ['schema', 'cli-kit', 'mock-server', 'playwright', 'conformance', 'gate', 'scripts', 'test'];

const within = (file, folder) => file === folder || file.startsWith(`${folder}/`);

/** The repository-relative path an import names (a folder import means its index.ts), or null for a package. */
function target(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  let rel = path
    .relative(ROOT, path.resolve(path.dirname(fromFile), specifier))
    .split(path.sep)
    .join('/');
  if (OURS.includes(rel)) rel = `${rel}/index.ts`;
  return rel;
}

/** Why `rule` forbids importing `specifier` (naming `to` of ours, or null for a package), or null. */
function broken(rule, specifier, to) {
  if (to === null) {
    const pkg = specifier.startsWith('@')
      ? specifier.split('/').slice(0, 2).join('/')
      : specifier.split('/')[0];
    return rule.packages?.includes(pkg) ? rule.why : null;
  }
  if (!OURS.some((folder) => within(to, folder) || to.startsWith(`${folder}.`))) return null;
  if (rule.never?.some((folder) => within(to, folder))) return rule.why;
  if (rule.only && !rule.only.some((allowed) => within(to, allowed) || to === allowed.replace(/\.ts$/, '')))
    return rule.why;
  return null;
}

/**
 * Why `fromFile` may not import `specifier`, or null when it may. Every rule of a folder holding the
 * file applies (mock-server/http/ keeps mock-server/'s too); the most specific one, listed first, names the reason.
 */
export function violation(fromFile, specifier) {
  const from = path.relative(ROOT, fromFile).split(path.sep).join('/');
  const to = target(fromFile, specifier);
  for (const [folder, rule] of BOUNDARIES) {
    const why = within(from, folder) && broken(rule, specifier, to);
    if (why) return why;
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "imports across the project's folder boundaries" },
    schema: [],
    messages: {
      forbidden: '{{file}} may not import {{specifier}}: {{why}} (docs/architecture.md#boundaries).',
    },
  },
  create(context) {
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const why = violation(context.filename, source.value);
      if (why)
        context.report({
          node,
          messageId: 'forbidden',
          data: { file: path.relative(ROOT, context.filename), specifier: source.value, why },
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, node.arguments[0]);
      },
    };
  },
};

export const boundariesPlugin = { rules: { boundaries: rule } };
