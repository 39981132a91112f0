// Telegram stand-in, part launch: the launch parameters and the launch data parsed from them.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
// The launch parameters: the hash Telegram opens the app with, kept for reloads as Telegram does.
const KEY = '__telegram__initParams';
/** @type {Record<string, string>} */
let initParams = {};
try {
  initParams = JSON.parse(sessionStorage.getItem(KEY) || '{}');
} catch {
  /* no storage (sandboxed frame): the hash alone */
}
new URLSearchParams(location.hash.slice(1)).forEach((value, name) => {
  if (name.startsWith('tgWebApp')) initParams[name] = value;
});
try {
  sessionStorage.setItem(KEY, JSON.stringify(initParams));
} catch {
  /* as above */
}
const parseJson = (text, fallback) => {
  try {
    return text ? JSON.parse(text) : fallback;
  } catch {
    return fallback;
  }
};
const initData = initParams.tgWebAppData || '';
/** @type {any} */
const initDataUnsafe = {};
new URLSearchParams(initData).forEach((value, name) => {
  if (['user', 'receiver', 'chat'].includes(name)) initDataUnsafe[name] = parseJson(value, undefined);
  else initDataUnsafe[name] = name === 'auth_date' ? Number(value) : value;
});
