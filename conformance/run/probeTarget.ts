// Finds out, before the plan, whether the server is reachable and whether it is the mock (it
// answers GET /__mock/health), which decides if mock-only checks apply.
import { MOCK_REASON } from '../../schema/headers';
import { decodeToken } from '../../schema/token';
import { createControlClient, type ControlAnswer } from './controlClient';
import type { ServerUnderTest } from './types';

/** What the command line says about the server; the probe adds the token's app and the mock's identity. */
export type ServerSettings = Omit<
  ServerUnderTest,
  'app' | 'mock' | 'mockLocked' | 'tokenFormat' | 'invalidToken'
> & {
  /** The app of an opaque token (one that does not decode); a decodable token names its own. */
  appName?: string;
  invalidToken?: string | null;
};

export type ProbeResult = { ok: true; server: ServerUnderTest } | { ok: false; error: string };

/** The mock's identity from its health answer; anything else (HTML, other JSON) is not the mock. */
function mockInfo(json: unknown): ServerUnderTest['mock'] {
  if (json === null || typeof json !== 'object') return null;
  const body = json as { status?: unknown; version?: unknown };
  return body.status === 'ok' ? { version: String(body.version ?? 'unknown') } : null;
}

export async function probeTarget(settings: ServerSettings): Promise<ProbeResult> {
  const decoded = decodeToken(settings.token);
  if (!decoded.ok && !settings.appName) return { ok: false, error: `--token: ${decoded.error}` };
  let health: ControlAnswer;
  try {
    health = await createControlClient(settings).health();
  } catch (error) {
    return { ok: false, error: `${settings.baseUrl} is unreachable: ${(error as Error).message}` };
  }
  const mock = health.status === 200 ? mockInfo(health.json) : null;
  // The mock's control API refuses a client without its admin token with 403 and says why.
  const mockLocked = health.status === 403 && health.headers[MOCK_REASON.lower] === 'FORBIDDEN_ADMIN';
  return {
    ok: true,
    server: {
      baseUrl: settings.baseUrl,
      token: settings.token,
      tokenFormat: decoded.ok ? 'tga' : 'opaque',
      app: decoded.ok ? decoded.token.claims : { app_name: settings.appName ?? '' },
      invalidToken: settings.invalidToken ?? null,
      origin: settings.origin,
      mock,
      mockLocked,
      adminToken: settings.adminToken ?? null,
      probeRateLimit: settings.probeRateLimit,
      timeoutMs: settings.timeoutMs,
    },
  };
}
