// Who may use the control API. It can wipe the journal and break the mock on purpose, so by
// default only the local machine may; with an admin token anyone holding it may (e.g. a mock in a
// container). X-Forwarded-For is deliberately ignored: it is a header any client can set.
import { timingSafeEqual, createHash } from 'node:crypto';
import { isIP } from 'node:net';

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

// Cross-site use of the control API and inspector (issue 14). A page on another site must not be
// able to arm a fault or empty the journal, neither directly (a no-cors fetch, a plain form) nor by
// DNS rebinding (a name of its own that resolves to 127.0.0.1). Three rules, only under /__mock:
// - Host: a loopback name or address, the bound address, or a name in --allowed-hosts
//   (webpack-dev-server's and Vite's allowedHosts). An IP literal cannot be rebound, so with a
//   wildcard bind (0.0.0.0, ::) any IP literal is accepted: it is one of this machine's addresses.
// - Origin, when sent, is this mock's own origin; Sec-Fetch-Site is not cross-site or same-site.
//   A top-level GET navigation (a link to the inspector) is let through: it reads nothing for the
//   linking page, and the inspector cannot be framed.
// - A state-changing request (POST, PUT, PATCH; DELETE when it has a Content-Type) says
//   Content-Type: application/json, which a browser sends cross-site only after a CORS preflight
//   the control API never grants.
// Clients without these headers (curl, Node's fetch, supertest) send no Origin and no
// Sec-Fetch-Site, so tests and scripts are unaffected.

export interface ControlRequest {
  method: string;
  path: string;
  host?: string;
  origin?: string;
  contentType?: string;
  secFetchSite?: string;
  secFetchMode?: string;
  secFetchDest?: string;
}

export interface HostPolicy {
  /** The address the mock listens on (--host). */
  boundHost: string;
  /** --allowed-hosts: exact names, or `.example.com` for the name and every subdomain. */
  allowedHosts?: readonly string[];
}

export interface ControlRefusal {
  reason: 'HOST_NOT_ALLOWED' | 'CROSS_SITE_REFUSED' | 'CONTROL_NOT_JSON';
  message: string;
}

const WILDCARDS = new Set(['', '0.0.0.0', '::', '0:0:0:0:0:0:0:0']);

/** The name part of a Host header (or --host), lower case, without port, brackets or a final dot. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  // More than one colon and no brackets: a bare IPv6 address (as --host gives it), no port.
  const name = h.split(':').length > 2 ? h : h.split(':')[0];
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function isLoopbackName(name: string): boolean {
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === '::1' ||
    name === '0:0:0:0:0:0:0:1'
  );
}

export function hostAllowed(host: string | undefined, policy: HostPolicy): boolean {
  // No Host at all: HTTP/1.0 from a script (a browser always sends one; HTTP/1.1 without it is
  // refused before any route).
  if (host === undefined) return true;
  const name = hostName(host);
  if (isLoopbackName(name)) return true;
  const bound = hostName(policy.boundHost);
  if (name === bound) return true;
  if (WILDCARDS.has(bound) && isIP(name) !== 0) return true;
  return (policy.allowedHosts ?? []).some((entry) => {
    const allowed = hostName(entry);
    return allowed.startsWith('.') ? name === allowed.slice(1) || name.endsWith(allowed) : name === allowed;
  });
}

/** `host[:port]` as a URL of this scheme writes it (default port dropped), or undefined. */
function authority(protocol: string, hostAndPort: string): string | undefined {
  try {
    return new URL(`${protocol}//${hostAndPort}`).host;
  } catch {
    return undefined;
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined || origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // The mock speaks plain HTTP; https is a TLS proxy in front of it that passes Host on.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return authority(url.protocol, host) === url.host;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

/** Why a /__mock request is refused, or undefined when it may go on to the admin-token rule. */
export function refuseControlRequest(req: ControlRequest, policy: HostPolicy): ControlRefusal | undefined {
  if (!hostAllowed(req.host, policy)) {
    const name = hostName(req.host!);
    return {
      reason: 'HOST_NOT_ALLOWED',
      message:
        `Host "${req.host}" is not allowed on the control API and inspector (a guard against DNS ` +
        `rebinding): use a loopback address such as 127.0.0.1 or localhost, or start the mock with ` +
        `--allowed-hosts ${name} (TGA_MOCK_ALLOWED_HOSTS).`,
    };
  }
  const method = req.method.toUpperCase();
  const navigation =
    (method === 'GET' || method === 'HEAD') &&
    req.secFetchMode === 'navigate' &&
    req.secFetchDest === 'document';
  if (!navigation) {
    const site = req.secFetchSite?.toLowerCase();
    if (site === 'cross-site' || site === 'same-site')
      return {
        reason: 'CROSS_SITE_REFUSED',
        message:
          `Refused: Sec-Fetch-Site is ${site}, so a page on another site sent this request; the ` +
          `control API and inspector answer only their own page and clients that are not browsers.`,
      };
    if (req.origin !== undefined && !sameOrigin(req.origin, req.host))
      return {
        reason: 'CROSS_SITE_REFUSED',
        message:
          `Refused: Origin ${req.origin} is not this mock's origin (Host ${req.host ?? 'missing'}); the ` +
          `control API and inspector answer only their own page and clients that are not browsers.`,
      };
  }
  if (STATE_CHANGING.has(method)) {
    const type = mediaType(req.contentType);
    const needsJson = method !== 'DELETE' || type !== undefined;
    if (needsJson && type !== 'application/json')
      return {
        reason: 'CONTROL_NOT_JSON',
        message:
          `${method} ${req.path} needs Content-Type: application/json (got ${type ? `"${type}"` : 'none'}); ` +
          `with curl: -H 'Content-Type: application/json'.`,
      };
  }
  return undefined;
}
