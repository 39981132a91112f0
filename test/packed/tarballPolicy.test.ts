// The checker the packed-package tests apply to the real tarballs (test/packed/mock.packed.test.ts,
// conformance.packed.test.ts) must be able to fail: here it meets listings with every kind of file
// that must not ship, and each package with the other's code.
import { tarballViolations } from './tarballPolicy';

test('a clean listing passes', () => {
  expect(
    tarballViolations([
      'package.json',
      'README.md',
      'dist/mock-server/cli.js',
      'dist/mock-server/index.d.ts',
      'dist/gate/bin.js',
      'dist/schema/examples/documented.json',
      'schema/event.schema.json',
      'schema/generated/types.ts',
      'mock-server/inspector/assets/inspector.js',
    ]),
  ).toEqual([]);
  expect(
    tarballViolations(
      [
        'package.json',
        'README.md',
        'dist/conformance/cli/cli.js',
        'dist/conformance/checks/positives.js.map',
        'dist/schema/index.js',
        'dist/cli-kit/index.js',
      ],
      'tga-conformance',
    ),
  ).toEqual([]);
});

test.each([
  ['dist/mock-server/core/decide.test.js', 'a test'],
  ['dist/test/browser/sdk.test.js', 'a test'],
  ['dist/test/support/packedPackage.js', 'a test harness'],
  ['dist/mock-server/test-support/fixtures.js', 'a test harness'],
  ['dist/gate/test-support/tempRepo.js', 'a test harness'],
  ['gate/fixtures/bound-removed.json', 'a fixture'],
  ['dist/gate/fixtures/bound-removed.json', 'a fixture'],
  ['dist/scripts/bench/run.js', 'a script'],
  ['dist/scripts/soak/load.js', 'a script'],
  ['dist/scripts/fuzz/fuzzProperty.js', 'a script'],
  ['dist/scripts/release/pack.js', 'a script'],
  ['tga-contract-0.1.0.tgz', 'a tarball'],
  ['tsconfig.json', 'not something a tga-contract user runs'],
  ['mock-server/inspector/screenshot.png', 'not something a tga-contract user runs'],
  ['dist/conformance/cli/cli.js', 'not something a tga-contract user runs'],
])('tga-contract: %s is refused as %s', (file, why) => {
  const found = tarballViolations(['package.json', file]);
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(why);
});

test.each([
  ['dist/conformance/checks/positives.test.js', 'a test'],
  ['dist/mock-server/cli.js', 'not something a tga-conformance user runs'],
  ['dist/gate/bin.js', 'not something a tga-conformance user runs'],
  ['dist/playwright/index.js', 'not something a tga-conformance user runs'],
  ['schema/event.schema.json', 'not something a tga-conformance user runs'],
])('tga-conformance: %s is refused as %s', (file, why) => {
  const found = tarballViolations(['package.json', file], 'tga-conformance');
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(why);
});
