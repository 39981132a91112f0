// The suite's one client of the mock's control API (/__mock/*): the only place that names those
// routes and adds the admin-token header (--admin-token). Its requests are not checks, so they are
// not recorded as exchanges; a transport error is thrown to the caller.
import { MOCK_ADMIN_TOKEN } from '../../schema/headers';
import { httpRequest } from './httpRequest';
import { parseJson } from './responseReader';
import type { ServerUnderTest } from './types';

/** What the client needs of the target. */
export type ControlTarget = Pick<ServerUnderTest, 'baseUrl' | 'adminToken' | 'timeoutMs'>;

export interface ControlAnswer {
  status: number;
  headers: Record<string, string>;
  /** The JSON body; the text itself when it is not JSON; undefined when empty. */
  json: unknown;
}

/** The fault a check arms (one-shot, for one app). */
export interface FaultSpec {
  kind: string;
  count: number;
  app_name: string;
}

export function createControlClient(target: ControlTarget) {
  async function call(
    method: string,
    path: string,
    extra: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<ControlAnswer> {
    const headers: Record<string, string> = { ...extra.headers };
    if (extra.body !== undefined) headers['content-type'] = 'application/json';
    if (target.adminToken) headers[MOCK_ADMIN_TOKEN.lower] = target.adminToken;
    const res = await httpRequest({
      method,
      url: `${target.baseUrl}${path}`,
      headers,
      body: extra.body === undefined ? undefined : Buffer.from(JSON.stringify(extra.body)),
      timeoutMs: extra.timeoutMs ?? target.timeoutMs,
    });
    const parsed = parseJson(res.text);
    return {
      status: res.status,
      headers: res.headers,
      json: parsed.ok ? parsed.value : res.text || undefined,
    };
  }

  return {
    /** GET /__mock/health: 200 {status: "ok", version} from the mock, 403 from a locked one. */
    health: () => call('GET', '/__mock/health', { headers: { accept: 'application/json' } }),
    /** One page of the journal for an app, entries after `since`. */
    journalPage: (q: { appName: string; since: number; limit: number }) =>
      call(
        'GET',
        `/__mock/events?app_name=${encodeURIComponent(q.appName)}&since=${q.since}&limit=${q.limit}`,
      ),
    armFault: (spec: FaultSpec) => call('POST', '/__mock/faults', { body: spec }),
    disarmFault: (id: string, timeoutMs?: number) =>
      call('DELETE', `/__mock/faults/${encodeURIComponent(id)}`, { timeoutMs }),
  };
}

export type ControlClient = ReturnType<typeof createControlClient>;
