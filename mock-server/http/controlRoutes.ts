// The control API under /__mock, for tests: health, the journal, faults. Inputs are decoded
// strictly (a typo is a 400 naming the field, never a silently ignored filter or fault).
import express, { type NextFunction, type Request, type Response } from 'express';
import { MOCK_ADMIN_TOKEN } from '../../schema/headers';
import { controlAllowed } from '../core/controlAccess';
import { decodeFaultSpec } from '../core/faultSpec';
import type { FaultStore } from '../core/faults';
import { DEFAULT_QUERY_LIMIT, MAX_WAITERS, type Journal, type JournalFilter } from '../core/journal';
import { decodeJournalFilter } from '../core/journal/filter';
import { DEFAULT_WAIT_MS } from '../core/journal/waiters';
import { publicOptions, type MockOptions } from '../core/options';
import { sendJson, sendReason } from './send';
import { DEFAULT_STALL_MS, PAGE_BYTES, streamJsonArray } from './streamJson';

const CONTROL_BODY_LIMIT = 64 * 1024;
/** Entries per written page of a streamed answer (and at most PAGE_BYTES of them). */
const PAGE = 200;
/** Request log entries looked at per page of GET /__mock/requests. */
const REQUEST_PAGE = 50;

export interface ControlDeps {
  options: MockOptions;
  journal: Journal;
  faults: FaultStore;
  version: string;
  /** Everything back to a fresh start: journal, request log, counters, faults, rate-limit counts. */
  reset: () => void;
}

function guard(adminToken: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers[MOCK_ADMIN_TOKEN.lower];
    if (controlAllowed(req.socket.remoteAddress, typeof given === 'string' ? given : undefined, adminToken))
      next();
    else sendReason(res, 'FORBIDDEN_ADMIN');
  };
}

/** A control body: JSON (controlGate has already refused any other Content-Type). */
function readJson(req: Request): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= CONTROL_BODY_LIMIT) chunks.push(c);
    });
    req.on('error', () => resolve({ ok: false, message: 'body: the request was aborted' }));
    req.on('end', () => {
      if (size > CONTROL_BODY_LIMIT)
        return resolve({ ok: false, message: `body: over ${CONTROL_BODY_LIMIT} bytes` });
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch (e) {
        resolve({ ok: false, message: `body: not JSON (${(e as Error).message})` });
      }
    });
  });
}

export function controlRoutes(deps: ControlDeps): express.Router {
  const { journal, faults } = deps;
  const router = express.Router();
  router.use(guard(deps.options.adminToken));
  const ok = (res: Response, body: unknown, status = 200) => sendJson(res, status, body);
  // A reader that leaves a page unread this long is cut off, as a client that sends its request
  // slowly is (--request-timeout).
  const stallMs = deps.options.requestTimeout > 0 ? deps.options.requestTimeout : DEFAULT_STALL_MS;

  router.get('/health', (_req, res) => {
    ok(res, {
      status: 'ok',
      version: deps.version,
      options: publicOptions(deps.options),
      counts: journal.counts(),
    });
  });
  // Streamed a page at a time. With min (and wait_ms, default 5,000) it long-polls: the answer
  // comes once min entries match, or at the timeout with what there is, `timed_out: true` and the
  // requests refused meanwhile (`near_misses`).
  let waiting = 0;
  router.get('/events', async (req, res) => {
    const decoded = decodeJournalFilter(req.query as Record<string, unknown>);
    if (!decoded.ok) return sendReason(res, 'BAD_CONTROL_REQUEST', decoded.message);
    const { min, wait_ms: waitMs, ...filter } = decoded.value;
    let wait = '';
    if (min !== undefined) {
      if (waiting >= MAX_WAITERS) return sendReason(res, 'CONTROL_BUSY');
      if (res.destroyed) return;
      // The slot is freed as soon as the client goes, not at the end of its wait_ms.
      const gone = new AbortController();
      const onClose = () => gone.abort();
      res.once('close', onClose);
      waiting++;
      try {
        const outcome = await journal.waitUntil(filter, {
          count: min,
          timeoutMs: waitMs ?? DEFAULT_WAIT_MS,
          signal: gone.signal,
        });
        wait = outcome.ok
          ? '"timed_out":false,'
          : `"timed_out":true,"message":${JSON.stringify(outcome.message)},"near_misses":${JSON.stringify(outcome.nearMisses ?? [])},`;
      } finally {
        waiting--;
        res.off('close', onClose);
      }
      if (res.destroyed) return;
    }
    const limit = filter.limit ?? DEFAULT_QUERY_LIMIT;
    const total = journal.count(filter);
    const { dropped } = journal.counts();
    let after = filter.since ?? 0;
    let sent = 0;
    // Each event as the bytes it was received in; a page is at most PAGE entries and PAGE_BYTES.
    const page = () => {
      const { items, lastSeq } = journal.pageBytes(
        filter as JournalFilter,
        after,
        Math.min(PAGE, limit - sent),
        PAGE_BYTES,
      );
      sent += items.length;
      after = lastSeq;
      return items;
    };
    const head = `{${wait}"total":${total},"dropped":${dropped},"events":[`;
    await streamJsonArray(res, head, page, ']}', stallMs);
  });
  router.delete('/events', (_req, res) => {
    journal.clear();
    res.status(204).end();
  });
  // One call for a clean slate between tests (DELETE /__mock/events keeps faults and rate counts).
  // The body, if any, is not read: there is nothing to say.
  router.post('/reset', (_req, res) => {
    deps.reset();
    ok(res, {
      message: 'Reset: the journal, the request log, the counters, every fault and the rate-limit counts.',
      counts: journal.counts(),
      faults: faults.list(),
    });
  });
  router.get('/requests', async (req, res) => {
    const filter = decodeJournalFilter(req.query as Record<string, unknown>);
    if (!filter.ok || filter.value.event_name !== undefined || filter.value.app_name !== undefined)
      return sendReason(
        res,
        'BAD_CONTROL_REQUEST',
        filter.ok ? 'only since and limit filter requests' : filter.message,
      );
    const limit = filter.value.limit ?? DEFAULT_QUERY_LIMIT;
    let after = filter.value.since ?? 0;
    let sent = 0;
    // At most REQUEST_PAGE entries and, past the first, PAGE_BYTES of them per page.
    const page = () => {
      const items: Buffer[] = [];
      let bytes = 0;
      for (const entry of journal.requests({ since: after, limit: Math.min(REQUEST_PAGE, limit - sent) })) {
        const item = Buffer.from(JSON.stringify(entry));
        if (items.length > 0 && bytes + item.length > PAGE_BYTES) break;
        items.push(item);
        bytes += item.length;
        after = entry.seq;
      }
      sent += items.length;
      return items;
    };
    await streamJsonArray(res, '{"requests":[', page, ']}', stallMs);
  });
  router.post('/faults', async (req, res) => {
    const body = await readJson(req);
    if (!body.ok) return sendReason(res, 'BAD_CONTROL_REQUEST', body.message);
    const spec = decodeFaultSpec(body.value);
    if (!spec.ok) return sendReason(res, 'BAD_CONTROL_REQUEST', spec.message);
    const armed = faults.arm(spec.value);
    if (!armed.ok) return sendReason(res, 'TOO_MANY_FAULTS', armed.message);
    ok(res, armed.fault, 201);
  });
  router.get('/faults', (_req, res) => ok(res, { faults: faults.list() }));
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  router.delete('/faults/:id', (req, res) => {
    if (faults.remove(String(req.params.id))) res.status(204).end();
    else sendReason(res, 'NOT_FOUND', `no armed fault ${String(req.params.id)}`);
  });
  router.use((_req, res) => sendReason(res, 'NOT_FOUND'));
  return router;
}
