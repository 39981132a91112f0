// The checker the packed-package test applies to the real tarball (test/packed/mock.packed.test.ts)
// must be able to fail: here it meets a listing with every kind of file that must not ship.
import { tarballViolations } from './tarballPolicy';

test('a clean listing passes', () => {
  expect(
    tarballViolations([
      'package.json',
      'README.md',
      'dist/mock-server/cli.js',
      'dist/mock-server/index.d.ts',
      'dist/conformance/checks/positives.js.map',
      'dist/schema/examples/documented.json',
      'schema/event.schema.json',
      'schema/generated/types.ts',
      'mock-server/inspector/assets/inspector.js',
    ]),
  ).toEqual([]);
});

test.each([
  ['dist/mock-server/core/decide.test.js', 'a test'],
  ['dist/test/browser/sdk.test.js', 'a test'],
  ['dist/test/support/packedPackage.js', 'a test harness'],
  ['dist/mock-server/test-support/fixtures.js', 'a test harness'],
  ['gate/fixtures/bound-removed.json', 'a fixture'],
  ['dist/scripts/bench/run.js', 'a script'],
  ['dist/scripts/soak/load.js', 'a script'],
  ['dist/scripts/fuzz/fuzzProperty.js', 'a script'],
  ['dist/gate/cli.js', 'a script'],
  ['tga-contract-0.1.0.tgz', 'a tarball'],
  ['tsconfig.json', 'not something a user runs'],
  ['mock-server/inspector/screenshot.png', 'not something a user runs'],
])('%s is refused as %s', (file, why) => {
  const found = tarballViolations(['package.json', file]);
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(why);
});
