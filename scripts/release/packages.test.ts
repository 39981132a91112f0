// The release manifests as scripts/release/pack.ts writes them, without packing: derived from the
// root package.json (version, ranges), each with only the dependencies its users need, and neither
// naming the other package (the public registry's tga-contract is not ours).
import rootPkg from '../../package.json';
import { manifestOf } from './pack';
import { RELEASE_PACKAGES } from './packages';

const manifests = Object.fromEntries(RELEASE_PACKAGES.map((p) => [p.name, manifestOf(p, rootPkg)])) as Record<
  string,
  {
    version: string;
    dependencies: Record<string, string>;
    peerDependencies?: Record<string, string>;
    bin: Record<string, string>;
    exports: Record<string, string | { default: string }>;
  }
>;

test('both packages carry the root version, and only runtime dependencies with its ranges', () => {
  for (const m of Object.values(manifests)) {
    expect(m.version).toBe(rootPkg.version);
    const all: Record<string, string> = { ...rootPkg.dependencies, ...rootPkg.devDependencies };
    for (const [name, range] of Object.entries(m.dependencies))
      expect([name, range]).toEqual([name, all[name]]);
  }
  expect(Object.keys(manifests['tga-contract'].dependencies).sort()).toEqual([
    'ajv',
    'ajv-formats',
    'express',
    'pino',
  ]);
  expect(Object.keys(manifests['tga-conformance'].dependencies)).toEqual(
    expect.arrayContaining(['jest', 'fast-check']),
  );
});

test('neither package depends on the other by name', () => {
  const names = (m: (typeof manifests)[string]) => [
    ...Object.keys(m.dependencies),
    ...Object.keys(m.peerDependencies ?? {}),
  ];
  expect(names(manifests['tga-conformance'])).not.toContain('tga-contract');
  expect(names(manifests['tga-contract'])).not.toContain('tga-conformance');
});

test("the contract package's entries and every bin are the root package's, so the repository runs what ships", () => {
  const contract = manifests['tga-contract'];
  const target = (e: string | { default: string }) => (typeof e === 'string' ? e : e.default);
  expect(Object.fromEntries(Object.entries(contract.exports).map(([k, v]) => [k, target(v)]))).toEqual(
    rootPkg.exports,
  );
  const bins = Object.assign({}, ...Object.values(manifests).map((m) => m.bin)) as Record<string, string>;
  expect(bins).toEqual(rootPkg.bin);
});
