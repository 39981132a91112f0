// GET /__mock/ (the page), its script and style, and its live feed. The mock mounts this router
// under /__mock with the control API's rule: loopback clients only, or whoever holds the admin
// token. A browser cannot add a header to a page load or an EventSource, so here the token may also
// come as `?admin_token=`; the page then sends it as the header to the control routes it drives
// (clear the journal, arm and disarm faults).
import { Router, type NextFunction, type Request, type Response } from 'express';
import { MOCK_ADMIN_TOKEN } from '../../schema/headers';
import { controlAllowed } from '../core/controlAccess';
import { setSecurityHeaders } from '../http/controlGate';
import { sendReason } from '../http/send';
import { loadInspectorAssets } from './inspectorAssets';
import {
  DEFAULT_STREAM_OPTIONS,
  openEventStream,
  type InspectorSource,
  type StreamOptions,
} from './openEventStream';

export interface InspectorOptions extends StreamOptions {
  /** The mock's --admin-token, if any. */
  adminToken?: string;
}

function guard(adminToken: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers[MOCK_ADMIN_TOKEN.lower];
    const query = req.query.admin_token;
    const given = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
    if (controlAllowed(req.socket.remoteAddress, given, adminToken)) return next();
    sendReason(res, 'FORBIDDEN_ADMIN');
  };
}

export type InspectorRouter = Router & {
  /** Ends every open live feed: they never finish by themselves and would hold a graceful shutdown. */
  endStreams(): void;
};

export function createInspectorRouter(
  source: InspectorSource,
  options: Partial<InspectorOptions> = {},
): InspectorRouter {
  const { adminToken, ...stream } = options;
  const resolved: StreamOptions = { ...DEFAULT_STREAM_OPTIONS, ...stream };
  const assets = loadInspectorAssets();
  const router = Router() as InspectorRouter;
  const open = new Set<() => void>();
  const allowed = guard(adminToken);
  // Also set by the app's controlGate; here too so the router is safe on its own.
  router.use((_req: Request, res: Response, next: NextFunction) => {
    setSecurityHeaders(res);
    next();
  });
  const send = (type: string, body: string) => (_req: Request, res: Response) => {
    res.set({ 'content-type': type, 'cache-control': 'no-store' }).send(body);
  };
  router.get('/', allowed, send('text/html; charset=utf-8', assets.html));
  for (const file of assets.files) router.get(`/inspector/${file.name}`, allowed, send(file.type, file.text));
  router.get('/inspector/stream', allowed, (req, res) => {
    if (open.size >= resolved.maxViewers)
      return sendReason(res, 'CONTROL_BUSY', `At most ${resolved.maxViewers} inspector feeds at once.`);
    const end = openEventStream(source, resolved, req, res);
    open.add(end);
    req.on('close', () => open.delete(end));
  });
  router.endStreams = () => {
    for (const end of open) end();
    open.clear();
  };
  return router;
}
