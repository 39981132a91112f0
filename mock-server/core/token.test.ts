import { createToken, describeToken, parseToken, verifyToken } from './token';

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
