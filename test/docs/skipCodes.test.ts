// docs/conformance.md's table of skip codes is the suite's closed list, and says which of them
// --fail-on-skip lets through.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARMLESS_SKIPS } from '../../conformance/report/gates';
import { SKIP_CODES, type SkipCode } from '../../conformance/run/skipCodes';

test("docs/conformance.md lists every skip code and --fail-on-skip's rule for it", () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'conformance.md'), 'utf8');
  const rows = [...page.matchAll(/^\s*\| `([a-z0-9-]+)` +\|[^|]+\| (lets it through|fails) +\|$/gm)];
  const documented = Object.fromEntries(rows.map((m) => [m[1], m[2] === 'lets it through']));
  const expected = Object.fromEntries(
    (Object.keys(SKIP_CODES) as SkipCode[]).map((code) => [code, HARMLESS_SKIPS.includes(code)]),
  );
  expect(documented).toEqual(expected);
});
