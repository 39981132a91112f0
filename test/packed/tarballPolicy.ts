// What each release tarball may hold: only what a user runs and the package's own documents. The
// contract package: the compiled schema, CLI helper, mock, Playwright helpers and gate command, the
// schema files and examples, the generated files, the inspector assets. The suite: the compiled
// suite with its own copy of the schema and CLI helper. Tests, fixtures, harnesses, bench, soak and
// fuzz stay home, and neither package holds the other's code.
export type ReleaseName = 'tga-contract' | 'tga-conformance';

const COMPILED: Record<ReleaseName, string> = {
  'tga-contract': 'schema|cli-kit|mock-server|playwright|gate',
  'tga-conformance': 'schema|cli-kit|conformance',
};

const allowed = (name: ReleaseName) => [
  /^package\.json$/,
  /^(README|CHANGELOG|LICENSE)(\.md)?$/,
  new RegExp(`^dist/(${COMPILED[name]})/.+\\.(js|d\\.m?ts|js\\.map|json)$`),
  ...(name === 'tga-contract'
    ? [
        /^schema\/[\w-]+\.schema\.json$/,
        /^schema\/examples\/[\w-]+\.json$/,
        /^schema\/generated\/[\w.-]+\.(json|ts)$/,
        /^mock-server\/inspector\/assets\/[\w-]+\.(html|css|js)$/,
        /^mock-server\/telegram\/telegram-web-app\.js$/,
      ]
    : []),
];

const FORBIDDEN = [
  [/\.test\.|\.spec\./, 'a test'],
  [/(^|\/)(test|tests|test-support|__tests__)\//, 'a test harness'],
  [/(^|\/)fixtures?(\/|\.)/, 'a fixture'],
  [/(^|\/)(bench|soak|fuzz|scripts)\//, 'a script (bench, soak, fuzz)'],
  [/\.tgz$/, 'a tarball'],
] as const;

/** Each file the tarball of `name` must not hold, with the reason. */
export function tarballViolations(files: readonly string[], name: ReleaseName = 'tga-contract'): string[] {
  const ok = allowed(name);
  return files.flatMap((file) => {
    const forbidden = FORBIDDEN.find(([re]) => re.test(file));
    if (forbidden) return [`${file}: ${forbidden[1]}`];
    return ok.some((re) => re.test(file)) ? [] : [`${file}: not something a ${name} user runs`];
  });
}
