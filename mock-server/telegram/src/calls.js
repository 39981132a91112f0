// Telegram stand-in, part calls: what WebApp's calls share: CloudStorage, invoices, popups, the version.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
const invoke = (method, params, done) => {
  const id = nextId();
  pending.set(id, done);
  post('web_app_invoke_custom_method', { req_id: id, method, params });
};
/** @type {any} */
const cloudStorage = {};
const cloudCall = (method, params, map, cb) => {
  invoke(method, params, (error, result) => cb && (error ? cb(error, null) : cb(null, map(result))));
  return cloudStorage;
};
Object.assign(cloudStorage, {
  setItem: (key, value, cb) => cloudCall('saveStorageValue', { key, value }, () => true, cb),
  getItem: (key, cb) => cloudCall('getStorageValues', { keys: [key] }, (r) => r[key], cb),
  getItems: (keys, cb) => cloudCall('getStorageValues', { keys }, (r) => r, cb),
  removeItem: (key, cb) => cloudCall('deleteStorageValues', { keys: [key] }, () => true, cb),
  removeItems: (keys, cb) => cloudCall('deleteStorageValues', { keys }, () => true, cb),
  getKeys: (cb) => cloudCall('getStorageKeys', {}, (r) => r, cb),
});
on('custom_method_invoked', (d) => settle(d.req_id, [d.error || null, d.result]));

/** A call whose answer is one event from the client: `callback` gets `map(eventData)`. */
const once = (answer, callback, map) => {
  const handler = (_t, d) => {
    WebView.offEvent(answer, handler);
    if (callback) callback(...map(d || {}));
  };
  WebView.onEvent(answer, handler);
};
/** @type {Map<string, { url: string, callback?: Function }>} */
const invoices = new Map();
/** @type {Function | undefined} */
let popupCallback;
/** @type {Function | undefined} */
let qrCallback;
const version = initParams.tgWebAppVersion || '6.0';
const atLeast = (wanted) => {
  const a = version.split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  return true;
};
const inset = { top: 0, bottom: 0, left: 0, right: 0 };
// Telegram returns the HapticFeedback object, so calls chain (the typings say a function).
const haptic = (params) => (
  post('web_app_trigger_haptic_feedback', params),
  /** @type {any} */ (webApp.HapticFeedback)
);
