// The token format (CONTRACT-NOTES "The token"): base64 of a JSON {app_name, app_url, app_domain},
// "!", base64 of a 32-byte signature. The suite only ever holds one real token; every bad variant
// a check needs is derived from it here, so no secret is required to provoke each error.
import type { TokenPayload } from './types';

export type ParsedToken =
  { ok: true; payloadPart: string; payload: TokenPayload; signature: Buffer } | { ok: false; error: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseToken(token: string): ParsedToken {
  const parts = token.split('!');
  if (parts.length !== 2) return { ok: false, error: 'a token is "<base64 JSON>!<base64 signature>"' };
  const [payloadPart, signaturePart] = parts;
  if (!BASE64.test(payloadPart) || !BASE64.test(signaturePart)) {
    return { ok: false, error: 'both halves of the token must be base64' };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(payloadPart, 'base64').toString('utf8'));
  } catch {
    return { ok: false, error: 'the first half of the token is not base64 of JSON' };
  }
  const p = payload as Partial<TokenPayload> | null;
  if (!p || typeof p !== 'object' || typeof p.app_name !== 'string' || typeof p.app_domain !== 'string') {
    return { ok: false, error: 'the token payload lacks a string app_name and app_domain' };
  }
  return {
    ok: true,
    payloadPart,
    payload: p as TokenPayload,
    signature: Buffer.from(signaturePart, 'base64'),
  };
}

function encodePayload(payload: TokenPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}

/** The same payload with the first bit of the signature flipped: well-formed, must not verify. */
export function flipSignatureBit(token: string): string {
  const parsed = mustParse(token);
  const signature = Buffer.from(parsed.signature);
  signature[0] ^= 0x01;
  return `${parsed.payloadPart}!${signature.toString('base64')}`;
}

/** A payload naming another app, under the original signature: well-formed, must not verify. */
export function forgePayload(token: string, appName: string): string {
  const parsed = mustParse(token);
  return `${encodePayload({ ...parsed.payload, app_name: appName })}!${parsed.signature.toString('base64')}`;
}

/** Variants that are not of the token format at all. */
export function garbledTokens(token: string): { label: string; token: string }[] {
  const parsed = mustParse(token);
  return [
    { label: 'garbled (not base64, no "!")', token: 'conformance~garbled~token' },
    { label: 'payload only (signature dropped)', token: parsed.payloadPart },
  ];
}

/** How a token appears in reports: its payload part and a label, never the signature. */
export function redactToken(token: string): string {
  const at = token.indexOf('!');
  return at < 0 ? `${token.slice(0, 12)}…` : `${token.slice(0, at)}!<signature redacted>`;
}

function mustParse(token: string): Extract<ParsedToken, { ok: true }> {
  const parsed = parseToken(token);
  if (!parsed.ok) throw new Error(`not a token: ${parsed.error}`);
  return parsed;
}
