// Telegram stand-in, part webView: Telegram.WebView, the transport the page and the SDK talk through.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
/** @type {Map<string, Function[]>} */
const listeners = new Map();
/** @type {{ event: string, params?: unknown }[]} */
const calls = [];
const later = (fn) => queueMicrotask(fn); // not a timer: a fake clock holds none
const WebView = {
  initParams,
  isIframe: false,
  onEvent(type, callback) {
    listeners.set(type, [...(listeners.get(type) || []), callback]);
  },
  offEvent(type, callback) {
    listeners.set(
      type,
      (listeners.get(type) || []).filter((c) => c !== callback),
    );
  },
  callEventCallbacks(type, each) {
    for (const callback of listeners.get(type) || []) {
      try {
        each(callback);
      } catch (error) {
        console.error('[Telegram.WebView] callback for', type, 'threw', error);
      }
    }
  },
  /** How Telegram delivers an event to the page. */
  receiveEvent(type, data) {
    WebView.callEventCallbacks(type, (callback) => callback(type, data));
  },
  postEvent(type, callback, data) {
    w.TelegramWebviewProxy.postEvent(type, JSON.stringify(data === undefined ? '' : data));
    if (typeof callback === 'function') callback();
  },
};
const post = (type, params) => w.Telegram.WebView.postEvent(type, undefined, params);
const deliver = (type, data) => later(() => w.Telegram.WebView.receiveEvent(type, data));
