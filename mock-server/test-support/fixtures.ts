// Shared by the mock's tests: an app with a known secret, tokens for it, and the docs' first
// request body (valid, app "docs").
import documented from '../../schema/examples/documented.json';
import { createApp, type MockDeps, type MockApp } from '../http/app';
import type { MockOptions } from '../core/options';
import { createToken } from '../core/tokenSignature';
import { DEMO_CLAIMS, claimsFor } from '../../schema/token';

export const SECRET = 'fixture-secret';
export const GOOD_BODY = documented.vectors[0].body as Record<string, unknown>[];
export const GOOD_JSON = JSON.stringify(GOOD_BODY);

export function token(
  appName = DEMO_CLAIMS.app_name,
  appDomain = DEMO_CLAIMS.app_domain,
  secret = SECRET,
): string {
  return createToken(claimsFor(appName, appDomain), secret);
}

export function makeApp(options: Partial<MockOptions> = {}, deps: MockDeps = {}): MockApp {
  return createApp({ secret: SECRET, logLevel: 'silent', ...options }, deps);
}
