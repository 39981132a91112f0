// The token format real tokens have (CONTRACT-NOTES "The token"): standard base64 of a JSON object
// {app_name, app_url, app_domain}, "!", standard base64 of a 32-byte signature. The mock signs the
// payload's base64 text with HMAC-SHA256 under its own secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  app_name: string;
  app_url: string;
  app_domain: string;
}

export interface ParsedToken {
  claims: TokenClaims;
  /** The base64 payload exactly as sent: the signed text. */
  payload: string;
  signature: Buffer;
}

const SIGNATURE_BYTES = 32;
// Canonical standard base64 only: Buffer.from(_, 'base64') silently skips junk, so check the shape first.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function createToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64');
  return `${payload}!${sign(payload, secret).toString('base64')}`;
}

/** Step 1 of the decision: is this `<base64 JSON>!<base64 32 bytes>` with string app_name and app_domain? */
export function parseToken(header: string | undefined): ParsedToken | undefined {
  if (!header) return undefined;
  const parts = header.split('!');
  if (parts.length !== 2) return undefined;
  const [payload, sig] = parts;
  if (!payload || !BASE64.test(payload) || !BASE64.test(sig)) return undefined;
  const signature = Buffer.from(sig, 'base64');
  if (signature.length !== SIGNATURE_BYTES) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return undefined;
  const c = claims as Record<string, unknown>;
  if (typeof c.app_name !== 'string' || typeof c.app_domain !== 'string') return undefined;
  const app_url = typeof c.app_url === 'string' ? c.app_url : '';
  return { claims: { app_name: c.app_name, app_url, app_domain: c.app_domain }, payload, signature };
}

/** Step 2: constant-time comparison of the signature with the one the secret gives. */
export function verifyToken(token: ParsedToken, secret: string): boolean {
  return timingSafeEqual(token.signature, sign(token.payload, secret));
}

export type TokenCheck =
  | { ok: false; reason: 'TOKEN_MISSING' }
  | { ok: false; reason: 'TOKEN_INVALID'; claims: TokenClaims }
  | { ok: true; claims: TokenClaims };

// Steps 1 and 2 for a header, remembered: clients send the same token on every request, and
// parsing plus HMAC was the largest share of a request's own work in profiles. A hit means this
// exact header (signature included) was judged before; a miss still compares in constant time.
const MEMO_MAX = 1024;
const memo = new Map<string, TokenCheck>();

export function checkToken(header: string | undefined, secret: string): TokenCheck {
  if (!header) return { ok: false, reason: 'TOKEN_MISSING' };
  const key = `${secret}\u0000${header}`;
  const known = memo.get(key);
  if (known) return known;
  const token = parseToken(header);
  const result: TokenCheck = !token
    ? { ok: false, reason: 'TOKEN_MISSING' }
    : verifyToken(token, secret)
      ? { ok: true, claims: Object.freeze(token.claims) }
      : { ok: false, reason: 'TOKEN_INVALID', claims: Object.freeze(token.claims) };
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, result);
  return result;
}

/** What may be logged of a token: its claims, never the signature. */
export function describeToken(token: ParsedToken | undefined): TokenClaims | undefined {
  return token ? { ...token.claims } : undefined;
}
