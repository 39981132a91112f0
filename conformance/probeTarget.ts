// Finds out, before the plan, whether the target is reachable and whether it is the mock (it
// answers GET /__mock/health), which decides if mock-only checks apply.
import { httpRequest } from './httpRequest';
import type { ConformanceOptions } from './options';
import { parseToken } from './token';
import type { Target } from './types';

export type ProbeResult = { ok: true; target: Target } | { ok: false; error: string };

/** The mock's identity from its health answer; anything else (HTML, other JSON) is not the mock. */
function mockInfo(text: string): Target['mock'] {
  try {
    const body = JSON.parse(text) as { status?: unknown; version?: unknown } | null;
    return body?.status === 'ok' ? { version: String(body.version ?? 'unknown') } : null;
  } catch {
    return null;
  }
}

export async function probeTarget(options: ConformanceOptions): Promise<ProbeResult> {
  const parsed = parseToken(options.token);
  if (!parsed.ok) return { ok: false, error: `--token: ${parsed.error}` };
  let health: { status: number; text: string };
  try {
    health = await httpRequest({
      method: 'GET',
      url: `${options.baseUrl}/__mock/health`,
      headers: { accept: 'application/json' },
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    return { ok: false, error: `${options.baseUrl} is unreachable: ${(error as Error).message}` };
  }
  const mock = health.status === 200 ? mockInfo(health.text) : null;
  return {
    ok: true,
    target: {
      baseUrl: options.baseUrl,
      token: options.token,
      app: parsed.payload,
      origin: options.origin,
      mock,
      probeRateLimit: options.probeRateLimit,
      timeoutMs: options.timeoutMs,
    },
  };
}
