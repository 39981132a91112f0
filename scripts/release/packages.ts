// The two installables this repository releases, as data: what each tarball holds and depends on.
// The root package.json stays the contributors' package (every dependency, every script); each
// release manifest is derived from it here, so versions and dependency ranges have one source.
//
// - tga-contract: the schema and its validators, the mock (`tga-mock`, `startMock`), the MSW and
//   Playwright entries and the breaking-change gate (`tga-schema-gate`). No test runner.
// - tga-conformance: the suite (`tga-conformance`) with Jest and fast-check. It carries its own
//   compiled copy of the schema modules (dist/schema, dist/cli-kit, the same build as the contract
//   package's) instead of depending on tga-contract: that name on the public registry is not ours,
//   and a dependency on it could make npm fetch a stranger's package (README, "Installing").

export interface ReleasePackage {
  name: 'tga-contract' | 'tga-conformance';
  description: string;
  main?: string;
  types?: string;
  exports: Record<string, string | Record<string, unknown>>;
  bin: Record<string, string>;
  /** Paths copied from the built tree into the package, as they lie in the repository. */
  files: string[];
  /** Runtime dependencies by name; the range is the root package.json's unless given here. */
  dependencies: Record<string, string | null>;
  /**
   * Declaration files (dist/…/x.d.ts) also shipped as x.d.mts, for the `import` condition of the
   * entry whose types they are (see the tga-contract/msw entry below).
   */
  esmTypes?: string[];
  /** Optional peers, by name: the root package.json's peer range, else PEER_RANGES'. */
  optionalPeers?: string[];
}

/** Compiled parts of the build (tsconfig.build.json) both packages carry. */
const CONTRACT_CORE = ['dist/schema', 'dist/cli-kit'];

/** Peers of a release package that the root package.json does not list as peers. */
export const PEER_RANGES: Record<string, string> = {
  // Any version from Node 20 on: the engines field's lower bound, so a project's own fits.
  '@types/node': '>=20',
};

export const RELEASE_PACKAGES: readonly ReleasePackage[] = [
  {
    name: 'tga-contract',
    description:
      'Contract for the Telegram Mini Apps analytics API (POST /events): the JSON Schema and validators, an exact mock server (also as MSW handlers and Playwright helpers) and the schema breaking-change gate.',
    main: 'dist/mock-server/index.js',
    types: 'dist/mock-server/index.d.ts',
    exports: {
      '.': './dist/mock-server/index.js',
      './schema': './dist/schema/index.js',
      './schema/ajv': './dist/schema/ajv.js',
      './playwright': './dist/playwright/index.js',
      './playwright/test': './dist/playwright/test.js',
      // The entry's types import msw's. This package is CommonJS, so its .d.ts would name msw's
      // CommonJS declarations even in an ES-module project (Vite, Vitest), whose own `msw/node`
      // has the ES-module ones, and the two RequestHandler classes do not match: for `import`,
      // types that import msw's ES-module declarations.
      './msw': {
        import: { types: './dist/mock-server/msw/index.d.mts', default: './dist/mock-server/msw/index.js' },
        default: './dist/mock-server/msw/index.js',
      },
      './package.json': './package.json',
    },
    esmTypes: ['dist/mock-server/msw/index.d.ts'],
    bin: { 'tga-mock': 'dist/mock-server/cli.js', 'tga-schema-gate': 'dist/gate/bin.js' },
    files: [
      ...CONTRACT_CORE,
      'dist/mock-server',
      'dist/playwright',
      'dist/gate',
      'schema/*.schema.json',
      'schema/examples',
      'schema/generated',
      'mock-server/inspector/assets',
      'mock-server/telegram/telegram-web-app.js',
      'CHANGELOG.md',
    ],
    dependencies: { ajv: null, 'ajv-formats': null, express: null, pino: null },
    // The .d.ts files name Node's types (Buffer, node:http) and no Express type (MockApp is typed
    // as a request listener): a TypeScript project brings its own @types/node.
    optionalPeers: ['msw', 'playwright-core', '@playwright/test', '@types/node'],
  },
  {
    name: 'tga-conformance',
    description:
      'Conformance suite for servers of the Telegram Mini Apps analytics API (POST /events): the tga-conformance command, run under Jest, and its checks as tests of your own Jest or Vitest run (tga-conformance/jest).',
    // defineConformanceTests: the checks as tests of the caller's own Jest or Vitest run.
    exports: { './jest': './dist/conformance/jest/index.js', './package.json': './package.json' },
    bin: { 'tga-conformance': 'dist/conformance/cli/cli.js' },
    files: [...CONTRACT_CORE, 'dist/conformance', 'CHANGELOG.md'],
    dependencies: { ajv: null, 'ajv-formats': null, 'fast-check': null, jest: null },
    optionalPeers: ['@types/node'],
  },
];
