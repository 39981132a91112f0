import { flipSignatureBit, forgePayload, garbledTokens, parseToken, redactToken } from './token';

const payload = { app_name: 'docs', app_url: 'https://t.me/docs_bot', app_domain: 'http://localhost' };
const signature = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const TOKEN = `${Buffer.from(JSON.stringify(payload)).toString('base64')}!${signature.toString('base64')}`;

describe('token variants derived from one good token', () => {
  test('parses the payload and signature', () => {
    const parsed = parseToken(TOKEN);
    expect(parsed.ok && parsed.payload).toEqual(payload);
    expect(parsed.ok && parsed.signature.equals(signature)).toBe(true);
  });

  test('a flipped signature differs in exactly one bit and keeps the payload', () => {
    const flipped = parseToken(flipSignatureBit(TOKEN));
    if (!flipped.ok) throw new Error(flipped.error);
    expect(flipped.payload).toEqual(payload);
    const xor = flipped.signature.map((b, i) => b ^ signature[i]);
    expect([...xor].reduce((n, b) => n + b.toString(2).split('1').length - 1, 0)).toBe(1);
  });

  test('a forged payload keeps the signature and changes only app_name', () => {
    const forged = parseToken(forgePayload(TOKEN, 'other'));
    expect(forged.ok && forged.payload).toEqual({ ...payload, app_name: 'other' });
    expect(forged.ok && forged.signature.equals(signature)).toBe(true);
  });

  test('garbled variants are not of the token format', () => {
    for (const v of garbledTokens(TOKEN)) expect(parseToken(v.token).ok).toBe(false);
  });

  test.each(['', 'a!b!c', 'eyJ9!AAAA', `${Buffer.from('[1]').toString('base64')}!AAAA`])(
    '%j is rejected',
    (t) => {
      expect(parseToken(t).ok).toBe(false);
    },
  );

  test('reports never show the signature', () => {
    expect(redactToken(TOKEN)).not.toContain(signature.toString('base64'));
    expect(redactToken(TOKEN)).toMatch(/!<signature redacted>$/);
  });
});
