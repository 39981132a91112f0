// GET /__mock/ (the page), its script and style, and its live feed. The mock mounts this router
// under /__mock, behind the same loopback/admin-token guard as the rest of the control API; the page
// itself drives the existing control routes (clear the journal, arm and disarm faults).
import { Router } from 'express';
import { loadInspectorAssets } from './inspectorAssets';
import {
  DEFAULT_STREAM_OPTIONS,
  openEventStream,
  type InspectorSource,
  type StreamOptions,
} from './openEventStream';

export function createInspectorRouter(source: InspectorSource, options: Partial<StreamOptions> = {}): Router {
  const resolved: StreamOptions = { ...DEFAULT_STREAM_OPTIONS, ...options };
  const assets = loadInspectorAssets();
  const router = Router();
  const send = (type: string, body: string) => (_req: unknown, res: import('express').Response) => {
    res.set({ 'content-type': type, 'cache-control': 'no-store' }).send(body);
  };
  router.get('/', send('text/html; charset=utf-8', assets.html));
  router.get('/inspector/inspector.js', send('text/javascript; charset=utf-8', assets.script));
  router.get('/inspector/inspector.css', send('text/css; charset=utf-8', assets.css));
  router.get('/inspector/stream', (req, res) => openEventStream(source, resolved, req, res));
  return router;
}
