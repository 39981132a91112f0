// What a check gets to talk to the target: POST /events with the run's defaults (token, Origin,
// JSON content type, run tag), the mock's control API, and helpers that turn an answer into
// failures. Every exchange is recorded on the result, so a failure always shows what was sent.
import { randomUUID } from 'node:crypto';
import type { DocumentedReason, TgaEvent } from '../../schema';
import { MOCK_ADMIN_TOKEN } from '../../schema/headers';
import { expectDocumented } from './expectDocumented';
import { httpRequest } from './httpRequest';
import { countEvents, postEvents, type PostSpec } from './postEvents';
import type { WriteBudget } from './writeBudget';
import type { CheckResult, Exchange, Failure, ServerUnderTest } from './types';

export type JsonObject = Record<string, unknown>;

/** State shared by all checks of one run. */
export interface RunState {
  runId: string;
  seed: number;
  budget: WriteBudget;
  /** Every event a 2xx answer acknowledged during the run, in order. */
  acknowledged: JsonObject[];
  /** Requests in a row that got no answer at all (refused, reset, timed out). */
  transportStreak: number;
  /** Why the run stopped early (the target stopped answering), or null. */
  stopped: string | null;
  /** Told about every fault the run arms and disarms, so an interrupted run can disarm it. */
  faultLog?: (change: 'armed' | 'disarmed', id: string) => void;
}

/** After this many requests in a row without an answer the run stops (exit 2). */
export const MAX_TRANSPORT_STREAK = 3;

/** Thrown by a check that cannot reach a verdict; reported as skipped with the message. */
export class CheckSkipped extends Error {}

export class BudgetExhausted extends CheckSkipped {}

/** How a skip for the write budget begins (run time). */
export const BUDGET_EXHAUSTED = 'write budget exhausted';

/** Thrown when the target stopped answering: the run stops, reported with exit code 2. */
export class TargetStopped extends Error {}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function acceptedEvents(body: unknown): JsonObject[] {
  const list = Array.isArray(body) ? body : [body];
  return list.filter((e): e is JsonObject => e !== null && typeof e === 'object' && !Array.isArray(e));
}

export function createCheckContext(
  server: ServerUnderTest,
  state: RunState,
  result: CheckResult,
  /** Events a conforming server accepts during the check (its planned writes). */
  writes = 0,
) {
  function fail(failure: Omit<Failure, 'exchange'>, exchange?: Exchange): void {
    const index = exchange ? result.exchanges.indexOf(exchange) : -1;
    result.failures.push({ ...failure, ...(index >= 0 ? { exchange: index } : {}) });
  }

  function tag(event: JsonObject): JsonObject {
    const custom = (event.custom_data ?? {}) as JsonObject;
    return {
      ...event,
      custom_data: { ...custom, conformance_run: state.runId, conformance_check: result.name },
    };
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

  /** A request other than POST /events (a CORS preflight, GET /events/threshold), recorded. */
  async function send(spec: {
    label: string;
    method: string;
    path: string;
    headers: Record<string, string>;
  }): Promise<Exchange> {
    const exchange: Exchange = {
      label: spec.label,
      sent: { method: spec.method, path: spec.path, headers: spec.headers, body: '', events: 0 },
      durationMs: 0,
    };
    result.exchanges.push(exchange);
    const started = performance.now();
    try {
      const res = await httpRequest({
        method: spec.method,
        url: `${server.baseUrl}${spec.path}`,
        headers: spec.headers,
        timeoutMs: server.timeoutMs,
      });
      let json: unknown;
      try {
        json = JSON.parse(res.text);
      } catch {
        json = undefined;
      }
      exchange.received = {
        status: res.status,
        contentType: res.headers['content-type'] ?? '',
        headers: res.headers,
        json,
        text: res.text.slice(0, 400),
      };
    } catch (error) {
      exchange.error = (error as Error).message;
    } finally {
      exchange.durationMs = Math.round(performance.now() - started);
    }
    noteTransport(exchange, spec.label);
    return exchange;
  }

  async function control(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (server.adminToken) headers[MOCK_ADMIN_TOKEN.lower] = server.adminToken;
    const res = await httpRequest({
      method,
      url: `${server.baseUrl}${path}`,
      headers,
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
      timeoutMs: server.timeoutMs,
    });
    let json: unknown;
    try {
      json = res.text ? JSON.parse(res.text) : undefined;
    } catch {
      json = res.text;
    }
    return { status: res.status, json };
  }

  return {
    server,
    runId: state.runId,
    seed: state.seed,
    state,
    name: result.name,
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
    post,
    send,
    /** Posts and checks the answer is exactly the documented response for `reason`. */
    async expectPost(spec: PostSpec, reason: DocumentedReason): Promise<Exchange> {
      const exchange = await post(spec);
      expectDocumented(exchange, reason, result, fail);
      return exchange;
    },
    expectDocumented: (exchange: Exchange, reason: DocumentedReason) =>
      expectDocumented(exchange, reason, result, fail),
    fail,
    note: (text: string) => result.notes.push(text),
    /** Drops all but the last exchange (a probe's hundred identical requests are noise). */
    keepLastExchange(): void {
      result.exchanges.splice(0, result.exchanges.length - 1);
    },
    skip(reason: string): never {
      throw new CheckSkipped(reason);
    },
    control,
  };
}

export type CheckContext = ReturnType<typeof createCheckContext>;
