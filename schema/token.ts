// The token format, the one parser of it in the repository (docs/token-format.md). A token is the
// standard base64 of a JSON object {app_name, app_url, app_domain}, then "!", then the standard
// base64 of a 32-byte signature. Who signs is not a wire fact: the mock signs with HMAC-SHA256
// under its own secret (mock-server/core/tokenSigning.ts); a real server with its own key. So this
// module encodes and decodes the format and derives the bad variants the tests and tools send.

export interface TokenClaims {
  app_name: string;
  app_url: string;
  app_domain: string;
}

export interface DecodedToken {
  claims: TokenClaims;
  /** The base64 claims part exactly as sent: the text the signature covers. */
  claimsPart: string;
  signature: Buffer;
}

export type TokenDecoding = { ok: true; token: DecodedToken } | { ok: false; error: string };

export const SIGNATURE_BYTES = 32;

/** Claims for an app on a domain; the Telegram link defaults to `https://t.me/<app name>`. */
export function claimsFor(
  appName: string,
  appDomain: string,
  appUrl = `https://t.me/${appName}`,
): TokenClaims {
  return { app_name: appName, app_url: appUrl, app_domain: appDomain };
}

/** The app every demo, example and default test token is for: the docs' own `app_name`. */
export const DEMO_CLAIMS: Readonly<TokenClaims> = Object.freeze(claimsFor('docs', 'http://localhost'));

// Canonical standard base64 only: Buffer.from(_, 'base64') silently skips junk, so check the shape first.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The base64 claims part of a token. */
export function encodeClaims(claims: TokenClaims): string {
  return Buffer.from(JSON.stringify(claims), 'utf8').toString('base64');
}

/** Puts a token together from its claims part and its signature. */
export function joinToken(claimsPart: string, signature: Buffer): string {
  return `${claimsPart}!${signature.toString('base64')}`;
}

/** Reads a `TGA-Auth-Token` value; `error` says in a few words why it is not of the format. */
export function decodeToken(header: string | undefined): TokenDecoding {
  if (!header) return { ok: false, error: 'no token' };
  const parts = header.split('!');
  if (parts.length !== 2) return { ok: false, error: 'a token is "<base64 JSON>!<base64 signature>"' };
  const [claimsPart, sig] = parts;
  if (!claimsPart || !BASE64.test(claimsPart) || !BASE64.test(sig)) {
    return { ok: false, error: 'both halves of the token must be standard base64' };
  }
  const signature = Buffer.from(sig, 'base64');
  if (signature.length !== SIGNATURE_BYTES) {
    return { ok: false, error: `the signature must be ${SIGNATURE_BYTES} bytes, not ${signature.length}` };
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(claimsPart, 'base64').toString('utf8'));
  } catch {
    return { ok: false, error: 'the first half of the token is not base64 of JSON' };
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return { ok: false, error: 'the first half of the token is not a JSON object' };
  }
  const c = claims as Record<string, unknown>;
  if (typeof c.app_name !== 'string' || typeof c.app_domain !== 'string') {
    return { ok: false, error: 'the token claims lack a string app_name and app_domain' };
  }
  const app_url = typeof c.app_url === 'string' ? c.app_url : '';
  return {
    ok: true,
    token: { claims: { app_name: c.app_name, app_url, app_domain: c.app_domain }, claimsPart, signature },
  };
}

/** decodeToken for a value that must be a token (tools, tests): throws saying why it is not. */
export function mustDecodeToken(token: string): DecodedToken {
  const decoded = decodeToken(token);
  if (!decoded.ok) throw new Error(`not a token: ${decoded.error}`);
  return decoded.token;
}

// The forgeries: each derived from one real token, so no secret is needed to provoke each answer.

/** The same claims with one bit of the signature flipped: well-formed, must not verify. */
export function flipSignatureBit(token: string): string {
  const { claimsPart, signature } = mustDecodeToken(token);
  const flipped = Buffer.from(signature);
  flipped[0] ^= 0x01;
  return joinToken(claimsPart, flipped);
}

/** Claims naming another app under the original signature: well-formed, must not verify. */
export function forgeClaims(token: string, changes: Partial<TokenClaims>): string {
  const { claims, signature } = mustDecodeToken(token);
  return joinToken(encodeClaims({ ...claims, ...changes }), signature);
}

/** Values that are not of the token format at all (each answered as a missing or malformed token). */
export function malformedTokens(token: string): { label: string; token: string }[] {
  const { claimsPart } = mustDecodeToken(token);
  return [
    { label: 'garbled (not base64, no "!")', token: 'conformance~garbled~token' },
    { label: 'payload only (signature dropped)', token: claimsPart },
  ];
}

/** How a token may appear in logs and reports: its claims part, never the signature. */
export function redactToken(token: string): string {
  const at = token.indexOf('!');
  return at < 0 ? `${token.slice(0, 12)}…` : `${token.slice(0, at)}!<signature redacted>`;
}
