// The journal's tests' fixtures: the default byte bound, an event by name, a request-log entry.
import type { TgaEvent } from '../../schema';
import { DEFAULT_OPTIONS } from '../core/options';

export const maxBytes = DEFAULT_OPTIONS.journalMaxBytes;

/** An event with only a name and an app (the journal does not validate what it is given). */
export const ev = (event_name: string, app_name = 'docs') =>
  ({ event_name, app_name }) as unknown as TgaEvent;

/** A request-log entry for POST /events answered `status` for `reason`, with its answer's headers and body. */
export const loggedRequest = (
  status: number,
  reason = 'X',
  headers: Record<string, string> = {},
  body: unknown = {},
) => ({
  received_at: '2026-01-01T00:00:00.000Z',
  request_id: `r-${reason}`,
  method: 'POST',
  path: '/events',
  status,
  reason,
  delivered: true,
  rawHeaders: [],
  response: { status, headers, body },
  duration_ms: 1,
});
