// A check's requests to the target: POST /events under the write budget, and any other request
// (a CORS preflight, GET /events/threshold). Every exchange is recorded on the result, so a
// failure always shows what was sent; requests that get no answer count towards stopping the run.
import { BudgetExhausted, TargetStopped } from './checkErrors';
import { plural } from './plural';
import { countEvents, postEvents, type PostSpec } from './postEvents';
import { exchangeOver } from './responseReader';
import { MAX_TRANSPORT_STREAK, type RunState } from './runState';
import type { CheckResult, Exchange, Failure, JsonObject, ServerUnderTest } from './types';

/** How a skip for the write budget begins (run time); for people only, the code decides. */
const BUDGET_EXHAUSTED = 'write budget exhausted';

/** A request other than POST /events, as a check describes it. */
export interface SendSpec {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface TransportDeps {
  server: ServerUnderTest;
  state: RunState;
  result: CheckResult;
  /** Events a conforming server accepts during the check (its planned writes). */
  writes: number;
  fail: (failure: Omit<Failure, 'exchange'>, exchange?: Exchange) => void;
}

function acceptedEvents(body: unknown): JsonObject[] {
  const list = Array.isArray(body) ? body : [body];
  return list.filter((e): e is JsonObject => e !== null && typeof e === 'object' && !Array.isArray(e));
}

export function createTransport({ server, state, result, writes, fail }: TransportDeps) {
  /** Records a transport failure; after MAX_TRANSPORT_STREAK in a row the run stops. */
  function noteTransport(exchange: Exchange, label: string): void {
    if (exchange.error) {
      fail({ aspect: 'transport', message: `${label}: ${exchange.error}` }, exchange);
      state.transportStreak += 1;
      if (state.transportStreak >= MAX_TRANSPORT_STREAK) {
        state.stopped =
          `the target stopped answering: ${MAX_TRANSPORT_STREAK} requests in a row got no answer ` +
          `(last: ${exchange.error})`;
        throw new TargetStopped(state.stopped);
      }
    } else {
      state.transportStreak = 0;
    }
  }

  async function post(spec: PostSpec): Promise<Exchange> {
    const events = countEvents(spec);
    if (!state.budget.reserve(events)) {
      const { used, max } = state.budget;
      const needs = Math.max(events, writes);
      throw new BudgetExhausted(
        `${BUDGET_EXHAUSTED}: ${used} of --max-writes ${max} accepted so far, and this request's ` +
          `${plural(events, 'event')} would pass it if the server stored ${events === 1 ? 'it' : 'them'}; ` +
          `--max-writes ${max + needs} runs this check`,
      );
    }
    const exchange = { label: spec.label, durationMs: 0 } as Exchange;
    result.exchanges.push(exchange);
    await postEvents(server, spec, exchange);
    const status = exchange.received?.status ?? 0;
    const accepted = status >= 200 && status < 300;
    state.budget.settle(events, accepted);
    noteTransport(exchange, spec.label);
    if (accepted && spec.rawBody === undefined) state.acknowledged.push(...acceptedEvents(spec.body));
    return exchange;
  }

  async function send(spec: SendSpec): Promise<Exchange> {
    const exchange: Exchange = {
      label: spec.label,
      sent: { method: spec.method, path: spec.path, headers: spec.headers, body: '', events: 0 },
      durationMs: 0,
    };
    result.exchanges.push(exchange);
    await exchangeOver(exchange, {
      method: spec.method,
      url: `${server.baseUrl}${spec.path}`,
      headers: spec.headers,
      timeoutMs: server.timeoutMs,
    });
    noteTransport(exchange, spec.label);
    return exchange;
  }

  return { post, send };
}
