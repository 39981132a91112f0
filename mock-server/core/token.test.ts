import { checkToken, createToken, describeToken, parseToken, verifyToken } from './token';

const claims = { app_name: 'docs', app_url: 'https://t.me/docs_bot', app_domain: 'http://localhost' };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const sig32 = Buffer.alloc(32, 7).toString('base64');

describe('token', () => {
  test('round-trips: base64 JSON claims, "!", base64 of a 32-byte HMAC', () => {
    const token = createToken(claims, 's3cret');
    const [payload, sig] = token.split('!');
    expect(JSON.parse(Buffer.from(payload, 'base64').toString())).toEqual(claims);
    expect(Buffer.from(sig, 'base64')).toHaveLength(32);
    const parsed = parseToken(token);
    expect(parsed?.claims).toEqual(claims);
    expect(verifyToken(parsed!, 's3cret')).toBe(true);
    expect(verifyToken(parsed!, 'other')).toBe(false);
  });

  test('a flipped signature bit parses but does not verify', () => {
    const token = createToken(claims, 'k');
    const [payload, sig] = token.split('!');
    const bytes = Buffer.from(sig, 'base64');
    bytes[0] ^= 1;
    const forged = parseToken(`${payload}!${bytes.toString('base64')}`);
    expect(forged).toBeDefined();
    expect(verifyToken(forged!, 'k')).toBe(false);
  });

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['no separator', b64(JSON.stringify(claims))],
    ['two separators', `${b64(JSON.stringify(claims))}!${sig32}!${sig32}`],
    ['payload not base64', `not base64!${sig32}`],
    ['payload not JSON', `${b64('hello')}!${sig32}`],
    ['payload a JSON array', `${b64('[1]')}!${sig32}`],
    ['app_name not a string', `${b64(JSON.stringify({ ...claims, app_name: 1 }))}!${sig32}`],
    ['app_domain missing', `${b64(JSON.stringify({ app_name: 'docs' }))}!${sig32}`],
    ['signature 31 bytes', `${b64(JSON.stringify(claims))}!${Buffer.alloc(31).toString('base64')}`],
    ['signature not base64', `${b64(JSON.stringify(claims))}!${'*'.repeat(44)}`],
  ])('rejects at step 1: %s', (_name, header) => {
    expect(parseToken(header)).toBeUndefined();
  });

  test('describeToken never includes the signature', () => {
    const token = createToken(claims, 'k');
    const text = JSON.stringify(describeToken(parseToken(token)));
    expect(text).not.toContain(token.split('!')[1]);
    expect(text).toContain('docs');
  });
});

describe('checkToken (steps 1 and 2, remembered per header)', () => {
  test('judges like parseToken + verifyToken, the second time from memory too', () => {
    const good = createToken(claims, 'memo-secret');
    const [payload, sig] = good.split('!');
    const flipped = Buffer.from(sig, 'base64');
    flipped[0] ^= 1;
    const forged = `${payload}!${flipped.toString('base64')}`;
    for (let round = 0; round < 2; round++) {
      expect(checkToken(good, 'memo-secret')).toEqual({ ok: true, claims });
      expect(checkToken(forged, 'memo-secret')).toEqual({ ok: false, reason: 'TOKEN_INVALID', claims });
      expect(checkToken('not-a-token', 'memo-secret')).toEqual({ ok: false, reason: 'TOKEN_MISSING' });
      expect(checkToken(undefined, 'memo-secret')).toEqual({ ok: false, reason: 'TOKEN_MISSING' });
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
