// What the published tarball may hold: only what a user runs (the compiled mock, suite, contract
// and CLI helper, the schema files and examples, the generated files, the inspector assets) and the
// package's own documents. Tests, fixtures, harnesses, bench, soak, fuzz and the gate stay home.
const ALLOWED = [
  /^package\.json$/,
  /^(README|CHANGELOG|LICENSE)(\.md)?$/,
  /^docs\/[\w-]+\.md$/,
  /^dist\/(schema|cli-kit|mock-server|playwright|conformance)\/.+\.(js|d\.ts|js\.map|json)$/,
  /^schema\/[\w-]+\.schema\.json$/,
  /^schema\/examples\/[\w-]+\.json$/,
  /^schema\/generated\/[\w.-]+\.(json|ts)$/,
  /^mock-server\/inspector\/assets\/[\w-]+\.(html|css|js)$/,
  /^mock-server\/telegram\/telegram-web-app\.js$/,
];

const FORBIDDEN = [
  [/\.test\.|\.spec\./, 'a test'],
  [/(^|\/)(test|tests|test-support|__tests__)\//, 'a test harness'],
  [/(^|\/)fixtures?(\/|\.)/, 'a fixture'],
  [/(^|\/)(bench|soak|fuzz|gate|scripts)\//, 'a script (bench, soak, fuzz, gate)'],
  [/\.tgz$/, 'a tarball'],
] as const;

/** Each file the tarball must not hold, with the reason. */
export function tarballViolations(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const forbidden = FORBIDDEN.find(([re]) => re.test(file));
    if (forbidden) return [`${file}: ${forbidden[1]}`];
    return ALLOWED.some((re) => re.test(file)) ? [] : [`${file}: not something a user runs`];
  });
}
