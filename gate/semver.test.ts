import { isBreakingRelease, parseVersion } from './semver';

describe('parseVersion', () => {
  test.each([
    ['1.2.3', { major: 1, minor: 2, patch: 3, prerelease: '' }],
    ['0.0.0', { major: 0, minor: 0, patch: 0, prerelease: '' }],
    ['2.0.0-rc.1', { major: 2, minor: 0, patch: 0, prerelease: 'rc.1' }],
    ['1.0.0-alpha-1.0.x-y+build.5', { major: 1, minor: 0, patch: 0, prerelease: 'alpha-1.0.x-y' }],
    ['10.20.30+sha.1a2b3c', { major: 10, minor: 20, patch: 30, prerelease: '' }],
  ])('%s', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  test.each([
    '',
    '1.2',
    '1.2.3.4',
    'v1.2.3',
    '01.2.3',
    '1.02.3',
    '1.2.3-',
    '1.2.3-01',
    '1.2.3-rc..1',
    '1.2.3+',
    ' 1.2.3',
    '1.2.3\n',
    '99999999999999999999.0.0',
    'latest',
  ])('%j is not a version', (text) => {
    expect(parseVersion(text)).toBeNull();
  });
});

describe('isBreakingRelease', () => {
  test.each([
    // major raised
    ['1.2.3', '2.0.0', true],
    ['1.2.3', '3.1.4', true],
    ['1.2.3', '2.0.0-rc.1', true], // the pre-release of a major is that major
    ['1.9.9-beta', '2.0.0', true],
    // below 1.0: a minor raise is breaking, a patch raise is not
    ['0.1.0', '0.2.0', true],
    ['0.1.7', '0.2.0-rc.1', true],
    ['0.1.0', '0.1.1', false],
    ['0.0.1', '0.0.2', false], // the gate's release rule, not npm's caret
    ['0.0.3', '0.1.0', true],
    ['0.4.2', '1.0.0', true],
    ['0.4.2', '1.0.0-beta.2', true],
    // at or above 1.0: minor and patch raises are not breaking
    ['1.2.3', '1.3.0', false],
    ['1.2.3', '1.2.4', false],
    ['1.2.3-rc.1', '1.2.3', false], // a pre-release of a patch promises compatibility with 1.2.x
    // inside the pre-releases of a breaking release
    ['2.0.0-rc.1', '2.0.0-rc.2', true],
    ['2.0.0-rc.1', '2.0.0', true],
    ['0.3.0-alpha', '0.3.0', true],
    ['2.0.0-alpha', '2.0.0-alpha.1', true], // semver §11 precedence decides "raised"
    ['2.0.0-1', '2.0.0-alpha', true],
    ['2.0.0-rc.9', '2.0.0-rc.10', true],
    ['2.0.0-rc.10', '2.0.0-rc.9', false],
    ['2.0.0-beta', '2.0.0-alpha', false],
    ['2.0.0-rc.1', '2.1.0', false],
    ['2.0.0', '2.0.1-rc.1', false],
    // unchanged or lowered
    ['1.2.3', '1.2.3', false],
    ['2.0.0-rc.2', '2.0.0-rc.1', false],
    ['2.0.0', '1.0.0', false],
    ['0.2.0', '0.1.0', false],
    ['1.2.3+build.1', '1.2.3+build.2', false],
    // not versions: the caller reports these
    ['1.2', '2.0.0', false],
    ['1.2.3', 'two', false],
    ['', '', false],
  ])('%s → %s is breaking: %s', (base, head, expected) => {
    expect(isBreakingRelease(base, head)).toBe(expected);
  });
});
