const os = require('node:os');

// msw 2.13+ loads these, which ship only as ES modules; Jest (CommonJS) cannot require them
// (mswjs/msw#2698), so they alone are transpiled to CommonJS. A user's own Jest setup with msw
// needs the same (docs/testing-mini-apps.md).
const ESM_ONLY = '(rettime|until-async|@open-draft/deferred-promise)';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/schema',
    '<rootDir>/cli-kit',
    '<rootDir>/mock-server',
    '<rootDir>/playwright',
    '<rootDir>/conformance',
    '<rootDir>/gate',
    '<rootDir>/scripts',
    '<rootDir>/test',
  ],
  testMatch: ['**/*.test.ts'],
  // tsconfig sets isolatedModules, so ts-jest only transpiles; `npm run typecheck` type-checks the tests.
  transform: {
    '^.+\\.ts$': 'ts-jest',
    [`^.+/node_modules/${ESM_ONLY}/.+\\.m?js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  // Speed on a 2-core machine (Jest's default there is one worker): two workers, the slow files
  // first, one packed tarball per run (test/support/packedPackage.ts).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.js',
};
