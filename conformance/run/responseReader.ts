// The one reader of an answer: status, headers, the JSON body (or why it is not JSON), the text
// cut for reports. POST /events, the other recorded requests and the control client all use it.
import { httpRequest, type HttpRequest, type HttpResponse } from './httpRequest';
import type { Exchange, ReceivedResponse } from './types';

/** Request and response bodies are kept in reports up to this many characters. */
export const PREVIEW = 400;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** An answer as a report records it: `json` is undefined when the body is not JSON. */
export function readResponse(res: HttpResponse): ReceivedResponse {
  const parsed = parseJson(res.text);
  return {
    status: res.status,
    contentType: res.headers['content-type'] ?? '',
    headers: res.headers,
    json: parsed.ok ? parsed.value : undefined,
    text: res.text.slice(0, PREVIEW),
  };
}

/** Sends `request` and fills `exchange` in place: the answer or the transport error, and the time. */
export async function exchangeOver(exchange: Exchange, request: HttpRequest): Promise<void> {
  const started = performance.now();
  try {
    exchange.received = readResponse(await httpRequest(request));
  } catch (error) {
    exchange.error = (error as Error).message;
  } finally {
    exchange.durationMs = Math.round(performance.now() - started);
  }
}
