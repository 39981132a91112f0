import { flipSignatureBit, mustDecodeToken as decoded } from '../../schema/token';
import { checkToken, createToken, verifyToken } from './tokenSignature';

const claims = { app_name: 'docs', app_url: 'https://t.me/docs_bot', app_domain: 'http://localhost' };

describe('the mock signature (HMAC-SHA256 of the claims part)', () => {
  test('a created token decodes to its claims and verifies under its secret only', () => {
    const token = createToken(claims, 's3cret');
    expect(decoded(token).claims).toEqual(claims);
    expect(decoded(token).signature).toHaveLength(32);
    expect(verifyToken(decoded(token), 's3cret')).toBe(true);
    expect(verifyToken(decoded(token), 'other')).toBe(false);
  });

  test('a flipped signature bit decodes but does not verify', () => {
    expect(verifyToken(decoded(flipSignatureBit(createToken(claims, 'k'))), 'k')).toBe(false);
  });
});

describe('checkToken (steps 1 and 2, remembered per header)', () => {
  test('judges like decodeToken + verifyToken, the second time from memory too', () => {
    const good = createToken(claims, 'memo-secret');
    const forged = flipSignatureBit(good);
    for (let round = 0; round < 2; round++) {
      expect(checkToken(good, 'memo-secret')).toEqual({ ok: true, claims });
      expect(checkToken(forged, 'memo-secret')).toEqual({ ok: false, reason: 'TOKEN_INVALID', claims });
      expect(checkToken('not-a-token', 'memo-secret')).toEqual({
        ok: false,
        reason: 'TOKEN_MISSING_OR_MALFORMED',
      });
      expect(checkToken(undefined, 'memo-secret')).toEqual({
        ok: false,
        reason: 'TOKEN_MISSING_OR_MALFORMED',
      });
    }
  });

  test('a remembered verdict is per secret', () => {
    const good = createToken(claims, 'secret-a');
    expect(checkToken(good, 'secret-a').ok).toBe(true);
    expect(checkToken(good, 'secret-b')).toMatchObject({ ok: false, reason: 'TOKEN_INVALID' });
  });

  test('stays bounded: thousands of distinct tokens still judge right', () => {
    for (let i = 0; i < 3000; i++) {
      const t = createToken({ ...claims, app_name: `app-${i}` }, 'bulk');
      expect(checkToken(t, 'bulk')).toMatchObject({ ok: true, claims: { app_name: `app-${i}` } });
    }
  });
});
