// What the mock adds to the token format (schema/token.ts): its signature. The mock signs a
// token's base64 claims part with HMAC-SHA256 under its own secret; a real server has its own key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  decodeToken,
  encodeClaims,
  joinToken,
  type DecodedToken,
  type TokenClaims,
} from '../../schema/token';

function sign(claimsPart: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(claimsPart).digest();
}

/** A token the mock started with `secret` accepts. */
export function createToken(claims: TokenClaims, secret: string): string {
  const claimsPart = encodeClaims(claims);
  return joinToken(claimsPart, sign(claimsPart, secret));
}

/** Step 2 of the decision: constant-time comparison of the signature with the one the secret gives. */
export function verifyToken(token: DecodedToken, secret: string): boolean {
  return timingSafeEqual(token.signature, sign(token.claimsPart, secret));
}

export type TokenCheck =
  | { ok: false; reason: 'TOKEN_MISSING_OR_MALFORMED' }
  | { ok: false; reason: 'TOKEN_INVALID'; claims: TokenClaims }
  | { ok: true; claims: TokenClaims };

// Steps 1 and 2 for a header, remembered: clients send the same token on every request, and
// decoding plus HMAC was the largest share of a request's own work in profiles. A hit means this
// exact header (signature included) was judged before; a miss still compares in constant time.
// Bounded in bytes too: only headers up to MEMO_KEY_MAX characters are remembered (real tokens
// are a few hundred), so the memo holds at most 1,024 × 1 KB per secret.
const MEMO_MAX = 1024;
const MEMO_KEY_MAX = 1024;
const memos = new Map<string, Map<string, TokenCheck>>();

export function checkToken(header: string | undefined, secret: string): TokenCheck {
  if (!header) return { ok: false, reason: 'TOKEN_MISSING_OR_MALFORMED' };
  let memo = memos.get(secret);
  if (!memo) {
    if (memos.size >= 16) memos.clear();
    memo = new Map();
    memos.set(secret, memo);
  }
  const known = memo.get(header);
  if (known) return known;
  const decoded = decodeToken(header);
  const result: TokenCheck = !decoded.ok
    ? { ok: false, reason: 'TOKEN_MISSING_OR_MALFORMED' }
    : verifyToken(decoded.token, secret)
      ? { ok: true, claims: Object.freeze(decoded.token.claims) }
      : { ok: false, reason: 'TOKEN_INVALID', claims: Object.freeze(decoded.token.claims) };
  if (header.length > MEMO_KEY_MAX) return result;
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(header, result);
  return result;
}
