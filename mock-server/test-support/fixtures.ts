// Shared by the mock's tests: an app with a known secret, tokens for it, and the docs' first
// request body (valid, app "docs").
import documented from '../../schema/examples/documented.json';
import { createApp, type MockDeps, type MockApp } from '../http/app';
import type { MockOptions } from '../core/options';
import { createToken } from '../core/token';

export const SECRET = 'fixture-secret';
export const GOOD_BODY = documented.vectors[0].body as Record<string, unknown>[];
export const GOOD_JSON = JSON.stringify(GOOD_BODY);

export function token(appName = 'docs', appDomain = 'http://localhost', secret = SECRET): string {
  return createToken(
    { app_name: appName, app_url: `https://t.me/${appName}`, app_domain: appDomain },
    secret,
  );
}

export function makeApp(options: Partial<MockOptions> = {}, deps: MockDeps = {}): MockApp {
  return createApp({ secret: SECRET, ...options }, deps);
}
