// Finds out, before the plan, whether the target is reachable and whether it is the mock (it
// answers GET /__mock/health), which decides if mock-only checks apply.
import { httpRequest } from './httpRequest';
import type { ConformanceOptions } from './options';
import { parseToken } from './token';
import type { Target } from './types';

export type ProbeResult = { ok: true; target: Target } | { ok: false; error: string };

export async function probeTarget(options: ConformanceOptions): Promise<ProbeResult> {
  const parsed = parseToken(options.token);
  if (!parsed.ok) return { ok: false, error: `--token: ${parsed.error}` };
  let mock: Target['mock'] = null;
  try {
    const res = await httpRequest({
      method: 'GET',
      url: `${options.baseUrl}/__mock/health`,
      headers: { accept: 'application/json' },
      timeoutMs: options.timeoutMs,
    });
    if (res.status === 200) {
      const health = JSON.parse(res.text) as { status?: string; version?: string };
      if (health.status === 'ok') mock = { version: String(health.version ?? 'unknown') };
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      return { ok: false, error: `${options.baseUrl} is unreachable: ${(error as Error).message}` };
    }
  }
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
