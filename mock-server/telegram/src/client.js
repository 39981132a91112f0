// Telegram stand-in, part client: the Telegram client (window.TelegramWebviewProxy).
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
/** @type {Record<string, string>} */
const cloud = {};
const viewport = () => ({
  height: window.innerHeight,
  is_expanded: webApp.isExpanded,
  is_state_stable: true,
});
/** @type {Record<string, (p: any) => void>} */
const answers = {
  web_app_request_theme: () => deliver('theme_changed', { theme_params: webApp.themeParams }),
  web_app_request_viewport: () => deliver('viewport_changed', viewport()),
  web_app_expand: () => deliver('viewport_changed', { ...viewport(), is_expanded: true }),
  web_app_request_safe_area: () => deliver('safe_area_changed', { top: 0, bottom: 0, left: 0, right: 0 }),
  web_app_request_content_safe_area: () =>
    deliver('content_safe_area_changed', { top: 0, bottom: 0, left: 0, right: 0 }),
  web_app_request_fullscreen: () => deliver('fullscreen_changed', { is_fullscreen: true }),
  web_app_exit_fullscreen: () => deliver('fullscreen_changed', { is_fullscreen: false }),
  web_app_check_home_screen: () => deliver('home_screen_checked', { status: 'unknown' }),
  web_app_read_text_from_clipboard: (p) =>
    deliver('clipboard_text_received', { req_id: p.req_id, data: null }),
  web_app_invoke_custom_method: (p) => {
    const keys = /** @type {string[]} */ ((p.params && p.params.keys) || []);
    /** @type {Record<string, () => unknown>} */
    const methods = {
      saveStorageValue: () => ((cloud[p.params.key] = p.params.value), true),
      getStorageValues: () => Object.fromEntries(keys.map((k) => [k, cloud[k] ?? ''])),
      deleteStorageValues: () => (keys.forEach((k) => delete cloud[k]), true),
      getStorageKeys: () => Object.keys(cloud),
    };
    const method = methods[p.method];
    deliver(
      'custom_method_invoked',
      method ? { req_id: p.req_id, result: method() } : { req_id: p.req_id, error: 'UNKNOWN_METHOD' },
    );
  },
};
if (w.TelegramWebviewProxy === undefined) {
  w.TelegramWebviewProxy = {
    postEvent(type, json) {
      const params = parseJson(json, undefined);
      calls.push(params === '' || params === undefined ? { event: type } : { event: type, params });
      if (answers[type]) answers[type](params);
    },
  };
}
// For tga-contract/playwright's telegramCalls: what the page asked of Telegram, in order.
Object.defineProperty(w, '__tgaTelegramStandIn', { value: { calls }, enumerable: false });
