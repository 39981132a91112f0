// GET /telegram-web-app.js: the Telegram stand-in (mock-server/telegram), for a page that loads
// Telegram's script from the mock instead of going through routeToMock (a jsdom page, a device, a
// hand-written test page). A mock route beside /__mock, not one of the SDK's; the one answer of the
// mock that is not JSON. Never cached, so a page always gets the stand-in of the running mock.
import type { Request, Response } from 'express';
import { telegramWebAppScriptText } from '../telegram/standIn';

export const TELEGRAM_SCRIPT_PATH = '/telegram-web-app.js';

export function sendTelegramScript(req: Request, res: Response): void {
  const text = telegramWebAppScriptText();
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // A public script: a page on any origin may load it, also with `crossorigin`.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(req.method === 'HEAD' ? undefined : text);
}
