// The one release rule the breaking-change gate needs: did the package version move in a way
// semver announces as breaking? Then a breaking schema change in the same change is deliberate.

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

// semver 2.0.0, section 2, 9 and 10: no leading zeros in numbers, dot-separated pre-release
// identifiers (numeric ones without leading zeros), build metadata ignored for precedence.
const NUM = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUM}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER = new RegExp(
  `^(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);

export function parseVersion(text: string): Version | null {
  const m = SEMVER.exec(text);
  if (!m) return null;
  const [major, minor, patch] = [m[1], m[2], m[3]].map(Number);
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  return { major, minor, patch, prerelease: m[4] ?? '' };
}

/** semver section 11 precedence: negative when a < b. */
function compare(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core) return core;
  if (!a.prerelease || !b.prerelease) return (a.prerelease ? -1 : 0) + (b.prerelease ? 1 : 0);
  const [x, y] = [a.prerelease.split('.'), b.prerelease.split('.')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const [nx, ny] = [/^\d+$/.test(x[i]), /^\d+$/.test(y[i])];
    if (nx && ny) return Number(x[i]) - Number(y[i]);
    if (nx !== ny) return nx ? -1 : 1;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** A core version that is itself a breaking release: X.0.0 (X ≥ 1), or 0.Y.0 (Y ≥ 1). */
const opensBreakingSeries = (v: Version) => v.patch === 0 && (v.major >= 1 ? v.minor === 0 : v.minor >= 1);

/**
 * True when going from `base` to `head` is a release that semver calls breaking: major raised
 * (1.2.3 → 2.0.0, and 1.2.3 → 2.0.0-rc.1: the pre-release of a major is already that major); or,
 * below 1.0.0, the minor raised (0.1.x → 0.2.0), which covers 0.x → 1.0.0 as a major raise.
 * Also true inside the pre-releases of such a release (2.0.0-rc.1 → 2.0.0-rc.2 or 2.0.0): semver
 * §9 says a pre-release need not keep compatibility, and the major was already announced.
 * False for a patch below 1.0 (0.1.0 → 0.1.1, and 0.0.x → 0.0.y, which npm's caret would treat as
 * breaking but this gate's release rule does not), for a version unchanged or lowered, and when either is
 * not a semver version (the caller reports that).
 */
export function isBreakingRelease(base: string, head: string): boolean {
  const [b, h] = [parseVersion(base), parseVersion(head)];
  if (!b || !h || compare(h, b) <= 0) return false;
  if (h.major > b.major) return true;
  if (b.major === 0 && h.major === 0 && h.minor > b.minor) return true;
  const sameCore = h.major === b.major && h.minor === b.minor && h.patch === b.patch;
  return sameCore && b.prerelease !== '' && opensBreakingSeries(b);
}
