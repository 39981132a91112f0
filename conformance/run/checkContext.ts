// What a check gets to talk to the target, put together from its parts: the requests
// (transport.ts), the verdict helpers (verdict.ts), the event factory (eventFactory.ts) and the
// mock's control API (controlClient.ts).
import type { DocumentedReason } from '../../schema';
import { createControlClient } from './controlClient';
import { createEventFactory } from './eventFactory';
import type { PostSpec } from './postEvents';
import type { RunState } from './runState';
import { createTransport } from './transport';
import type { CheckResult, Exchange, ServerUnderTest } from './types';
import { createVerdict } from './verdict';

export function createCheckContext(
  server: ServerUnderTest,
  state: RunState,
  result: CheckResult,
  /** Events a conforming server accepts during the check (its planned writes). */
  writes = 0,
) {
  const verdict = createVerdict(result);
  const { post, send } = createTransport({ server, state, result, writes, fail: verdict.fail });
  return {
    server,
    runId: state.runId,
    seed: state.seed,
    state,
    name: result.name,
    ...createEventFactory(server, state.runId, result.name),
    post,
    send,
    /** Posts and checks the answer is exactly the documented response for `reason`. */
    async expectPost(spec: PostSpec, reason: DocumentedReason): Promise<Exchange> {
      const exchange = await post(spec);
      verdict.expectDocumented(exchange, reason);
      return exchange;
    },
    ...verdict,
    control: createControlClient(server),
  };
}

export type CheckContext = ReturnType<typeof createCheckContext>;
