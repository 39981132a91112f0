// Who may use the control API. It can wipe the journal and break the mock on purpose, so by
// default only the local machine may; with an admin token anyone holding it may (e.g. a mock in a
// container). X-Forwarded-For is deliberately ignored: it is a header any client can set.
import { timingSafeEqual, createHash } from 'node:crypto';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(a);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function controlAllowed(
  remoteAddress: string | undefined,
  givenToken: string | undefined,
  adminToken?: string,
): boolean {
  if (adminToken === undefined) return isLoopback(remoteAddress);
  // Hash both sides so the constant-time comparison does not leak the token's length.
  return givenToken !== undefined && timingSafeEqual(digest(givenToken), digest(adminToken));
}
