// Type-level tests: `npm run typecheck` compiles this file, so a documented example that no
// longer fits the generated request type breaks the build. The runtime assertions keep Jest honest.
import type { EventsRequest, TgaEvent, TgaEventStrict, ValidationMismatchResponse } from './index';
import { createRequestValidator } from './index';

const documentedExample = [
  {
    event_name: 'connection-error',
    is_success: false,
    error_message: 'Connection was cancelled',
    error_code: null,
    custom_data: { ton_connect_sdk_lib: '3.0.3', ton_connect_ui_lib: '2.0.5' },
    session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
    user_id: 111111111,
    app_name: 'docs',
    is_premium: true,
    platform: 'tdesktop',
    locale: 'en',
    client_timestamp: '1743503683701',
  },
] satisfies EventsRequest;

const strictEvent = {
  event_name: 'app-init',
  session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
  user_id: 111111111,
  app_name: 'docs',
} satisfies TgaEventStrict;

// @ts-expect-error an unknown event name is not a TgaEventName
const badName: TgaEvent = { ...strictEvent, event_name: 'app-launch' };

// @ts-expect-error the strict type has no index signature
const typo: TgaEventStrict = { ...strictEvent, evnt_name: 'x' };

// @ts-expect-error an empty array is not a request (minItems 1)
const empty: EventsRequest = [];

const mismatch: ValidationMismatchResponse = { status: 400, message: 'VALIDATION_MISMATCH_REPORT' };

test('the values the types accept are the values the schema accepts', () => {
  const validator = createRequestValidator();
  expect(validator.validate(documentedExample).ok).toBe(true);
  expect(createRequestValidator({ strict: true }).validate(strictEvent).ok).toBe(true);
  expect(validator.validate(badName).ok).toBe(false);
  expect(createRequestValidator({ strict: true }).validate(typo).ok).toBe(false);
  expect(validator.validate(empty).ok).toBe(false);
  expect(mismatch.message).toBe('VALIDATION_MISMATCH_REPORT');
});
