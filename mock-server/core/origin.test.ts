import { checkOrigin, originAllowed } from './origin';

describe('origin rule (host name only)', () => {
  test.each([
    [{ origin: 'http://localhost:5173' }, 'http://localhost', 'match'],
    [{ origin: 'https://app.example.com' }, 'http://app.example.com:8080', 'match'],
    [{ origin: 'https://APP.example.com' }, 'app.example.com', 'match'],
    [{ origin: 'https://evil.example.com' }, 'https://app.example.com', 'mismatch'],
    [{ origin: 'https://app.example.com.evil.io' }, 'https://app.example.com', 'mismatch'],
    [{ origin: 'null' }, 'http://localhost', 'mismatch'],
    [{ origin: 'garbage' }, 'http://localhost', 'mismatch'],
    [{ referer: 'http://localhost/page?x=1' }, 'http://localhost', 'match'],
    [{ referer: 'http://other/page' }, 'http://localhost', 'mismatch'],
    [{ origin: 'http://localhost', referer: 'http://other/' }, 'http://localhost', 'match'],
    [{ origin: 'http://other', referer: 'http://localhost/' }, 'http://localhost', 'mismatch'],
    [{}, 'http://localhost', 'absent'],
  ] as const)('%j against %s → %s', (headers, domain, verdict) => {
    expect(checkOrigin(headers, domain)).toBe(verdict);
  });

  test('no Origin and no Referer passes unless required', () => {
    expect(originAllowed({}, 'http://localhost', false)).toBe(true);
    expect(originAllowed({}, 'http://localhost', true)).toBe(false);
    expect(originAllowed({ origin: 'http://localhost' }, 'http://localhost', true)).toBe(true);
  });
});
