import { corsCheck, preflightCheck, preflightFor, unsafeHeaderNames } from './corsCheck';

const sdkHeaders = {
  'content-type': 'application/json',
  'content-encoding': 'gzip',
  'tga-auth-token': 't',
  origin: 'http://a.test',
  referer: 'http://a.test/',
  'user-agent': 'x',
  accept: '*/*',
  'sec-ch-ua': 'x',
};

describe('corsCheck (the browser checks redone for routed requests)', () => {
  it('finds the headers that need permission, as Chromium lists them', () => {
    expect(unsafeHeaderNames(sdkHeaders)).toEqual(['content-encoding', 'content-type', 'tga-auth-token']);
    expect(unsafeHeaderNames({ 'content-type': 'text/plain;charset=UTF-8', accept: '*/*' })).toEqual([]);
  });

  it('asks no preflight for a simple GET', () => {
    expect(preflightFor('GET', { accept: '*/*', origin: 'http://a.test' })).toBeNull();
    expect(preflightFor('DELETE', {})).toEqual({ method: 'DELETE', headers: [] });
  });

  it('passes a preflight that allows the origin and every header', () => {
    const question = preflightFor('POST', sdkHeaders)!;
    const answer = {
      'access-control-allow-origin': 'http://a.test',
      'access-control-allow-headers': 'TGA-Auth-Token, Content-Type, Content-Encoding, Content',
    };
    expect(preflightCheck('http://a.test', question, 204, answer)).toEqual({ ok: true });
  });

  it.each([
    ['a failing status', 404, { 'access-control-allow-origin': '*' }, /answered 404/],
    ['another origin', 204, { 'access-control-allow-origin': 'http://b.test' }, /not http:\/\/a\.test/],
    [
      'a missing header',
      204,
      { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, tga-auth-token' },
      /content-encoding/,
    ],
  ])('fails a preflight with %s', (_name, status, headers, reason) => {
    const verdict = preflightCheck('http://a.test', preflightFor('POST', sdkHeaders)!, status, headers);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it('fails a response without Access-Control-Allow-Origin', () => {
    expect(corsCheck('http://a.test', {}).ok).toBe(false);
    expect(corsCheck('http://a.test', { 'access-control-allow-origin': 'http://a.test' }).ok).toBe(true);
  });
});
