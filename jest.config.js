/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/schema',
    '<rootDir>/cli-kit',
    '<rootDir>/mock-server',
    '<rootDir>/playwright',
    '<rootDir>/conformance',
    '<rootDir>/scripts',
    '<rootDir>/test',
  ],
  testMatch: ['**/*.test.ts'],
  // tsconfig sets isolatedModules, so ts-jest only transpiles; `npm run typecheck` type-checks the tests.
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // msw 2.13+ loads `rettime`, which ships only as ES modules; Jest (CommonJS) cannot require
    // those (mswjs/msw#2698). Transpile just that package to CommonJS. A user's own Jest setup with
    // msw needs the same two lines (docs/testing-mini-apps.md).
    '^.+/node_modules/(rettime|until-async|@open-draft/deferred-promise)/.+\\.m?js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(rettime|until-async|@open-draft/deferred-promise)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
