// Finds out, before the plan, whether the server is reachable and whether it is the mock (it
// answers GET /__mock/health), which decides if mock-only checks apply.
import { MOCK_ADMIN_TOKEN, MOCK_REASON } from '../../schema/headers';
import { decodeToken } from '../../schema/token';
import { httpRequest } from './httpRequest';
import type { ServerUnderTest } from './types';

/** What the command line says about the server; the probe adds the token's app and the mock's identity. */
export type ServerSettings = Omit<ServerUnderTest, 'app' | 'mock' | 'mockLocked'>;

export type ProbeResult = { ok: true; server: ServerUnderTest } | { ok: false; error: string };

/** The mock's identity from its health answer; anything else (HTML, other JSON) is not the mock. */
function mockInfo(text: string): ServerUnderTest['mock'] {
  try {
    const body = JSON.parse(text) as { status?: unknown; version?: unknown } | null;
    return body?.status === 'ok' ? { version: String(body.version ?? 'unknown') } : null;
  } catch {
    return null;
  }
}

export async function probeTarget(settings: ServerSettings): Promise<ProbeResult> {
  const decoded = decodeToken(settings.token);
  if (!decoded.ok) return { ok: false, error: `--token: ${decoded.error}` };
  let health: { status: number; text: string; headers: Record<string, string> };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (settings.adminToken) headers[MOCK_ADMIN_TOKEN.lower] = settings.adminToken;
  try {
    health = await httpRequest({
      method: 'GET',
      url: `${settings.baseUrl}/__mock/health`,
      headers,
      timeoutMs: settings.timeoutMs,
    });
  } catch (error) {
    return { ok: false, error: `${settings.baseUrl} is unreachable: ${(error as Error).message}` };
  }
  const mock = health.status === 200 ? mockInfo(health.text) : null;
  // The mock's control API refuses a client without its admin token with 403 and says why.
  const mockLocked = health.status === 403 && health.headers[MOCK_REASON.lower] === 'FORBIDDEN_ADMIN';
  return {
    ok: true,
    server: {
      baseUrl: settings.baseUrl,
      token: settings.token,
      app: decoded.token.claims,
      origin: settings.origin,
      mock,
      mockLocked,
      adminToken: settings.adminToken ?? null,
      probeRateLimit: settings.probeRateLimit,
      timeoutMs: settings.timeoutMs,
    },
  };
}
