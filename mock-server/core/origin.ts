// Step 3: the docs answer 403 "an attempt to use the API on a domain name that does not match the
// token", so only the host name counts: scheme and port are ignored. Browsers send Origin on
// cross-origin POSTs; without it Referer is the page the request came from.

export interface OriginHeaders {
  origin?: string;
  referer?: string;
}

export type OriginVerdict = 'match' | 'mismatch' | 'absent';

function hostOf(value: string): string | undefined {
  try {
    // `Origin: null` (sandboxed frames, file://) parses to no host and so never matches.
    const host = new URL(value).hostname.toLowerCase();
    return host === '' ? undefined : host.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** The token's app_domain may be a bare host name ("example.com") or an origin ("https://example.com"). */
function domainHost(appDomain: string): string | undefined {
  return hostOf(appDomain) ?? hostOf(`https://${appDomain}`);
}

export function checkOrigin(headers: OriginHeaders, appDomain: string): OriginVerdict {
  const source = headers.origin ?? headers.referer;
  if (source === undefined || source === '') return 'absent';
  const got = hostOf(source);
  const want = domainHost(appDomain);
  return got !== undefined && want !== undefined && got === want ? 'match' : 'mismatch';
}

/** Without Origin and Referer (curl, server-side SDKs) the request passes unless the mock requires one. */
export function originAllowed(headers: OriginHeaders, appDomain: string, requireOrigin: boolean): boolean {
  const verdict = checkOrigin(headers, appDomain);
  return verdict === 'match' || (verdict === 'absent' && !requireOrigin);
}

/** Why step 3 refused (for the TGA-Mock-Detail header), naming both host names. */
export function explainOrigin(headers: OriginHeaders, appDomain: string): string {
  const source = headers.origin ?? headers.referer;
  const header = headers.origin !== undefined ? 'Origin' : 'Referer';
  const want = domainHost(appDomain) ?? `(unreadable app_domain ${JSON.stringify(appDomain)})`;
  if (source === undefined || source === '')
    return `no Origin or Referer, and --require-origin is on; the token's domain host is ${want}`;
  const got = hostOf(source) ?? `(no host in ${JSON.stringify(source)})`;
  return `${header} host ${got} is not the token's domain host ${want}`;
}
