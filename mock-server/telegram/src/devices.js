// Telegram stand-in, part devices: sensors, and device or secure storage.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
/** A sensor that starts and stops as asked (no readings: a test has no device). */
function sensor(name, event, reading) {
  /** @type {any} */
  const s = { isStarted: false, ...reading };
  s.start = (p, cb) => {
    post(`web_app_start_${event}`, { refresh_rate: (p && p.refresh_rate) || 1000 });
    s.isStarted = true;
    later(() => (emit(`${name}Started`, undefined), cb && cb(true)));
    return s;
  };
  s.stop = (cb) => {
    post(`web_app_stop_${event}`, undefined);
    s.isStarted = false;
    later(() => (emit(`${name}Stopped`, undefined), cb && cb(true)));
    return s;
  };
  return s;
}
/** Device or secure storage: kept in memory for the page's life, each call recorded. */
function localStorageOf(prefix) {
  /** @type {Map<string, string>} */
  const items = new Map();
  /** @type {any} */
  const s = {};
  const op = (what, p, result, cb) => {
    post(`web_app_${prefix}_${what}`, { req_id: nextId(), ...p });
    later(() => cb && cb(...result()));
    return s;
  };
  s.setItem = (key, value, cb) =>
    op('save_key', { key, value }, () => (items.set(key, value), [null, true]), cb);
  s.getItem = (key, cb) =>
    op('get_key', { key }, () => [null, items.has(key) ? items.get(key) : null, false], cb);
  s.removeItem = (key, cb) => op('save_key', { key, value: null }, () => [null, items.delete(key)], cb);
  s.clear = (cb) => op('clear', {}, () => (items.clear(), [null, true]), cb);
  s.restoreItem = (key, cb) => op('restore_key', { key }, () => ['RESTORE_UNAVAILABLE', null], cb);
  return s;
}
