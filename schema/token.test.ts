import {
  DEMO_CLAIMS,
  decodeToken,
  encodeClaims,
  flipSignatureBit,
  forgeClaims,
  joinToken,
  malformedTokens,
  mustDecodeToken,
  redactToken,
} from './token';

const claims = { app_name: 'docs', app_url: 'https://t.me/docs_bot', app_domain: 'http://localhost' };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const signature = Buffer.alloc(32, 7);
const sig32 = signature.toString('base64');
const TOKEN = joinToken(encodeClaims(claims), signature);

describe('the token format', () => {
  test('base64 JSON claims, "!", base64 of a 32-byte signature', () => {
    const [claimsPart, sig] = TOKEN.split('!');
    expect(JSON.parse(Buffer.from(claimsPart, 'base64').toString())).toEqual(claims);
    const decoded = decodeToken(TOKEN);
    expect(decoded).toEqual({
      ok: true,
      token: { claims, claimsPart, signature: Buffer.from(sig, 'base64') },
    });
  });

  test('a token without app_url decodes with an empty one', () => {
    const decoded = decodeToken(
      joinToken(b64(JSON.stringify({ app_name: 'a', app_domain: 'b' })), signature),
    );
    expect(decoded.ok && decoded.token.claims).toEqual({ app_name: 'a', app_url: '', app_domain: 'b' });
  });

  test.each([
    ['missing', undefined, 'no token'],
    ['empty', '', 'no token'],
    ['no separator', b64(JSON.stringify(claims)), '"<base64 JSON>!<base64 signature>"'],
    ['two separators', `${b64(JSON.stringify(claims))}!${sig32}!${sig32}`, '"<base64 JSON>!'],
    ['claims not base64', `not base64!${sig32}`, 'standard base64'],
    [
      'non-canonical base64 (junk Buffer.from would skip)',
      `${b64(JSON.stringify(claims))}*!${sig32}`,
      'base64',
    ],
    ['claims not JSON', `${b64('hello')}!${sig32}`, 'not base64 of JSON'],
    ['claims a JSON array', `${b64('[1]')}!${sig32}`, 'not a JSON object'],
    ['app_name not a string', `${b64(JSON.stringify({ ...claims, app_name: 1 }))}!${sig32}`, 'app_name'],
    ['app_domain missing', `${b64(JSON.stringify({ app_name: 'docs' }))}!${sig32}`, 'app_domain'],
    [
      'signature 31 bytes',
      `${b64(JSON.stringify(claims))}!${Buffer.alloc(31).toString('base64')}`,
      '32 bytes',
    ],
    ['signature not base64', `${b64(JSON.stringify(claims))}!${'*'.repeat(44)}`, 'base64'],
  ])('refuses %s, saying why', (_name, header, why) => {
    const decoded = decodeToken(header);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error).toContain(why);
  });
});

describe('forgeries derived from one token', () => {
  test('a flipped signature bit keeps the claims and changes the signature', () => {
    const flipped = decodeToken(flipSignatureBit(TOKEN));
    expect(flipped.ok && flipped.token.claims).toEqual(claims);
    expect(flipped.ok && flipped.token.signature.equals(signature)).toBe(false);
  });

  test('forged claims keep the original signature', () => {
    const forged = decodeToken(forgeClaims(TOKEN, { app_name: 'other' }));
    expect(forged.ok && forged.token.claims).toEqual({ ...claims, app_name: 'other' });
    expect(forged.ok && forged.token.signature.equals(signature)).toBe(true);
  });

  test('the flip changes exactly one bit', () => {
    const flipped = mustDecodeToken(flipSignatureBit(TOKEN)).signature;
    const xor = flipped.map((b, i) => b ^ signature[i]);
    expect([...xor].reduce((n, b) => n + b.toString(2).split('1').length - 1, 0)).toBe(1);
  });

  test('the malformed variants the suite reports by label', () => {
    expect(malformedTokens(TOKEN)).toEqual([
      { label: 'garbled (not base64, no "!")', token: 'conformance~garbled~token' },
      { label: 'payload only (signature dropped)', token: TOKEN.split('!')[0] },
    ]);
  });

  test('malformed variants are not of the format', () => {
    const variants = malformedTokens(TOKEN);
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) expect(decodeToken(v.token).ok).toBe(false);
  });

  test('forging from something that is not a token says so', () => {
    expect(() => flipSignatureBit('nope')).toThrow(/not a token/);
  });

  test('redaction keeps the claims part and never the signature', () => {
    expect(redactToken(TOKEN)).toBe(`${TOKEN.split('!')[0]}!<signature redacted>`);
    expect(redactToken(TOKEN)).not.toContain(sig32);
    expect(redactToken('abcdefghijklmnopqrstuvwxyz')).toBe('abcdefghijkl…');
  });

  test('the demo claims are the docs app on http://localhost', () => {
    expect(DEMO_CLAIMS).toEqual({
      app_name: 'docs',
      app_url: 'https://t.me/docs',
      app_domain: 'http://localhost',
    });
  });
});
