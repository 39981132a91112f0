// Telegram stand-in, part state: WebApp's own state: event handlers, pending requests, the theme.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
/** @type {Map<string, Function[]>} */
const handlers = new Map();
const emit = (name, data) => (handlers.get(name) || []).forEach((handler) => handler.call(webApp, data));
const on = (type, fn) => WebView.onEvent(type, (_, data) => fn(data || {}));
let reqId = 0;
const nextId = () => `req${++reqId}`;
/** @type {Map<string, Function>} */
const pending = new Map();
const settle = (id, args) => {
  const callback = pending.get(id);
  pending.delete(id);
  if (callback) callback(...args);
};
const themeParams = parseJson(initParams.tgWebAppThemeParams, {});
const isDark = (theme) => {
  const hex = String(theme.bg_color || '#ffffff').replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) || 0);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 120;
};
