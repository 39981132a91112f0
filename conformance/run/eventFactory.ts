// The events a check sends: valid for the token's app, and tagged with the run and the check
// (custom_data.conformance_run / conformance_check), so the journal shows whose they are.
import { randomUUID } from 'node:crypto';
import type { TgaEvent } from '../../schema';
import type { JsonObject, ServerUnderTest } from './types';

export function createEventFactory(server: ServerUnderTest, runId: string, checkName: string) {
  function tag(event: JsonObject): JsonObject {
    const custom = (event.custom_data ?? {}) as JsonObject;
    return {
      ...event,
      custom_data: { ...custom, conformance_run: runId, conformance_check: checkName },
    };
  }

  return {
    tag,
    /** A valid event for the token's app, shaped like the docs' first example, tagged. */
    event(overrides: Partial<TgaEvent> = {}): TgaEvent {
      const event: TgaEvent = {
        event_name: 'app-init',
        session_id: randomUUID(),
        user_id: 111111111,
        app_name: server.app.app_name,
        is_premium: true,
        platform: 'tdesktop',
        locale: 'en',
        client_timestamp: String(Date.now()),
        ...overrides,
      };
      return tag(event) as TgaEvent;
    },
  };
}
