/* global window, location, sessionStorage, queueMicrotask, console, URL, URLSearchParams */
// @ts-check
// A stand-in for Telegram's telegram-web-app.js, for tests: written from the public Mini Apps API
// reference (core.telegram.org/bots/webapps), not from Telegram's script. It defines
// window.Telegram.WebApp (launch data parsed from the URL hash that telegramLaunchUrl writes) and
// window.Telegram.WebView as the official analytics SDK uses it. The Telegram client is played by
// window.TelegramWebviewProxy, as in Telegram's mobile apps: every call the page makes reaches it
// (also after the SDK wraps WebView.postEvent) and is recorded; the few requests a client answers
// at once (theme, viewport, storage, …) are answered, the rest wait for the test (telegramEmit).
// `npm run typecheck` checks WebApp against @types/telegram-web-app (tsconfig.json beside this file).
'use strict';

(function () {
  /** @type {any} */
  const w = window;
  if (w.Telegram && w.Telegram.WebApp) return; // Telegram's own script, or this one, ran already

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

  // --- Telegram.WebView: the transport ---------------------------------------------------------
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

  // --- the Telegram client: records each call, answers what a client answers at once -----------
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

  // --- Telegram.WebApp ---------------------------------------------------------------------------
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

  /** A button that keeps its state, posts `event` when that changes and calls its clicks on `pressed`. */
  function button(event, pressed, clicked, params) {
    /** @type {Function[]} */
    const clicks = [];
    let last = '';
    /** @type {any} */
    const b = {
      isVisible: false,
      onClick: (fn) => (clicks.push(fn), b),
      offClick: (fn) => (clicks.splice(clicks.indexOf(fn) >>> 0, 1), b),
      show: () => set({ isVisible: true }),
      hide: () => set({ isVisible: false }),
    };
    const set = (changes) => {
      Object.assign(b, changes);
      const now = JSON.stringify(params(b));
      if (now !== last) post(event, JSON.parse((last = now)));
      return b;
    };
    b.set = set;
    on(pressed, () => {
      clicks.slice().forEach((fn) => fn());
      emit(clicked, undefined);
    });
    return b;
  }
  function bottomButton(kind, defaultText) {
    const b = button(
      `web_app_setup_${kind}_button`,
      `${kind}_button_pressed`,
      `${kind}ButtonClicked`,
      (x) => ({
        is_visible: x.isVisible,
        is_active: x.isActive,
        is_progress_visible: x.isProgressVisible,
        text: x.text,
        color: x.color,
        text_color: x.textColor,
        has_shine_effect: x.hasShineEffect,
        ...(kind === 'secondary' ? { position: x.position } : {}),
        ...(x.iconCustomEmojiId ? { icon_custom_emoji_id: x.iconCustomEmojiId } : {}),
      }),
    );
    Object.assign(b, {
      text: defaultText,
      color: themeParams.button_color || '#2481cc',
      textColor: themeParams.button_text_color || '#ffffff',
      isActive: true,
      isProgressVisible: false,
      hasShineEffect: false,
      iconCustomEmojiId: '',
      setText: (text) => b.set({ text }),
      enable: () => b.set({ isActive: true }),
      disable: () => b.set({ isActive: false }),
      showProgress: (leaveActive) => b.set({ isProgressVisible: true, isActive: Boolean(leaveActive) }),
      hideProgress: () => b.set({ isProgressVisible: false, isActive: true }),
      setParams: (p) =>
        b.set({
          ...(p.text !== undefined && { text: p.text }),
          ...(p.color !== undefined && { color: p.color }),
          ...(p.text_color !== undefined && { textColor: p.text_color }),
          ...(p.is_visible !== undefined && { isVisible: p.is_visible }),
          ...(p.is_active !== undefined && { isActive: p.is_active }),
          ...(p.has_shine_effect !== undefined && { hasShineEffect: p.has_shine_effect }),
          ...(p.position !== undefined && { position: p.position }),
          ...(p.icon_custom_emoji_id !== undefined && { iconCustomEmojiId: p.icon_custom_emoji_id }),
        }),
    });
    if (kind === 'secondary') b.position = 'left';
    return b;
  }
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
  const settingsOrBack = (kind) =>
    button(`web_app_setup_${kind}_button`, `${kind}_button_pressed`, `${kind}ButtonClicked`, (x) => ({
      is_visible: x.isVisible,
    }));
  const inset = { top: 0, bottom: 0, left: 0, right: 0 };
  // Telegram returns the HapticFeedback object, so calls chain (the typings say a function).
  const haptic = (params) => (
    post('web_app_trigger_haptic_feedback', params),
    /** @type {any} */ (webApp.HapticFeedback)
  );

  /** @type {import('telegram-web-app').WebApp} */
  const webApp = {
    initData,
    initDataUnsafe,
    version,
    platform: initParams.tgWebAppPlatform || 'unknown',
    colorScheme: isDark(themeParams) ? 'dark' : 'light',
    themeParams,
    isActive: true,
    isExpanded: false,
    viewportHeight: window.innerHeight,
    viewportStableHeight: window.innerHeight,
    headerColor: themeParams.bg_color || '#ffffff',
    backgroundColor: themeParams.bg_color || '#ffffff',
    bottomBarColor: themeParams.bottom_bar_bg_color || themeParams.secondary_bg_color || '#ffffff',
    isClosingConfirmationEnabled: false,
    isVerticalSwipesEnabled: true,
    isFullscreen: false,
    isOrientationLocked: false,
    safeAreaInset: { ...inset },
    contentSafeAreaInset: { ...inset },
    BackButton: settingsOrBack('back'),
    MainButton: bottomButton('main', 'Continue'),
    SecondaryButton: bottomButton('secondary', 'Cancel'),
    SettingsButton: settingsOrBack('settings'),
    HapticFeedback: {
      impactOccurred: (style) => haptic({ type: 'impact', impact_style: style }),
      notificationOccurred: (type) => haptic({ type: 'notification', notification_type: type }),
      selectionChanged: () => haptic({ type: 'selection_change' }),
    },
    CloudStorage: cloudStorage,
    BiometricManager: /** @type {any} */ ({}),
    Accelerometer: sensor('accelerometer', 'accelerometer', { x: 0, y: 0, z: 0 }),
    DeviceOrientation: sensor('deviceOrientation', 'device_orientation', {
      absolute: false,
      alpha: 0,
      beta: 0,
      gamma: 0,
    }),
    Gyroscope: sensor('gyroscope', 'gyroscope', { x: 0, y: 0, z: 0 }),
    LocationManager: /** @type {any} */ ({}),
    DeviceStorage: localStorageOf('device_storage'),
    SecureStorage: localStorageOf('secure_storage'),
    isVersionAtLeast: atLeast,
    setHeaderColor: (color) =>
      post('web_app_set_header_color', /^#/.test(color) ? { color } : { color_key: color }),
    setBackgroundColor: (color) => post('web_app_set_background_color', { color }),
    setBottomBarColor: (color) => post('web_app_set_bottom_bar_color', { color }),
    enableClosingConfirmation: () => (
      (webApp.isClosingConfirmationEnabled = true),
      post('web_app_setup_closing_behavior', { need_confirmation: true })
    ),
    disableClosingConfirmation: () => (
      (webApp.isClosingConfirmationEnabled = false),
      post('web_app_setup_closing_behavior', { need_confirmation: false })
    ),
    enableVerticalSwipes: () => (
      (webApp.isVerticalSwipesEnabled = true),
      post('web_app_setup_swipe_behavior', { allow_vertical_swipe: true })
    ),
    disableVerticalSwipes: () => (
      (webApp.isVerticalSwipesEnabled = false),
      post('web_app_setup_swipe_behavior', { allow_vertical_swipe: false })
    ),
    requestFullscreen: () => post('web_app_request_fullscreen', undefined),
    exitFullscreen: () => post('web_app_exit_fullscreen', undefined),
    lockOrientation: () => (
      (webApp.isOrientationLocked = true),
      post('web_app_toggle_orientation_lock', { locked: true })
    ),
    unlockOrientation: () => (
      (webApp.isOrientationLocked = false),
      post('web_app_toggle_orientation_lock', { locked: false })
    ),
    addToHomeScreen: () => post('web_app_add_to_home_screen', undefined),
    checkHomeScreenStatus: (cb) => (
      once('home_screen_checked', cb, (d) => [d.status]),
      post('web_app_check_home_screen', undefined)
    ),
    onEvent: (name, handler) => handlers.set(name, [...(handlers.get(name) || []), handler]) && undefined,
    offEvent: (name, handler) =>
      handlers.set(
        name,
        (handlers.get(name) || []).filter((h) => h !== handler),
      ) && undefined,
    sendData: (data) => post('web_app_data_send', { data }),
    switchInlineQuery: (query, chatTypes) =>
      post('web_app_switch_inline_query', { query, chat_types: chatTypes || [] }),
    openLink: (url, options) =>
      post('web_app_open_link', { url, try_instant_view: Boolean(options && options.try_instant_view) }),
    openTelegramLink: (url) => {
      const u = new URL(url);
      post('web_app_open_tg_link', { path_full: u.pathname + u.search });
    },
    openInvoice: (url, callback) => {
      const m = /(?:\/\$|\/invoice\/)([\w-]+)/.exec(new URL(url).pathname) || [];
      const slug = m[1] || url;
      invoices.set(slug, { url, callback });
      post('web_app_open_invoice', { slug });
    },
    shareToStory: (mediaUrl, params) => post('web_app_share_to_story', { media_url: mediaUrl, ...params }),
    shareMessage: (id, cb) => (
      once('prepared_message_sent', cb, () => [true]),
      post('web_app_send_prepared_message', { id })
    ),
    setEmojiStatus: (id, params, cb) => (
      once('emoji_status_set', cb, () => [true]),
      post('web_app_set_emoji_status', { custom_emoji_id: id, ...params })
    ),
    requestEmojiStatusAccess: (cb) => (
      once('emoji_status_access_requested', cb, (d) => [d.status === 'allowed']),
      post('web_app_request_emoji_status_access', undefined)
    ),
    downloadFile: (params, cb) => (
      once('file_download_requested', cb, (d) => [d.status === 'downloading']),
      post('web_app_request_file_download', params)
    ),
    hideKeyboard: () => post('web_app_hide_keyboard', undefined),
    showPopup: (params, callback) => {
      popupCallback = callback;
      post('web_app_open_popup', {
        title: params.title || '',
        message: params.message,
        buttons: params.buttons || [{ type: 'close' }],
      });
    },
    showAlert: (message, callback) => webApp.showPopup({ message }, () => callback && callback()),
    showConfirm: (message, callback) =>
      webApp.showPopup(
        { message, buttons: [{ id: 'ok', type: 'ok' }, { type: 'cancel' }] },
        (id) => callback && callback(id === 'ok'),
      ),
    showScanQrPopup: (params, callback) => (
      (qrCallback = callback),
      post('web_app_open_scan_qr_popup', { text: params.text })
    ),
    closeScanQrPopup: () => post('web_app_close_scan_qr_popup', undefined),
    readTextFromClipboard: (cb) => {
      const id = nextId();
      pending.set(id, (data) => cb && cb(data));
      post('web_app_read_text_from_clipboard', { req_id: id });
    },
    requestWriteAccess: (cb) => (
      once('write_access_requested', cb, (d) => [d.status === 'allowed']),
      post('web_app_request_write_access', undefined)
    ),
    requestContact: (cb) => (
      once('phone_requested', cb, (d) => [d.status === 'sent', d]),
      post('web_app_request_phone', undefined)
    ),
    requestChat: (id, cb) => (
      once('chat_requested', cb, (d) => [d.status === 'sent']),
      post('web_app_request_chat', { req_id: id })
    ),
    ready: () => post('web_app_ready', undefined),
    expand: () => post('web_app_expand', undefined),
    close: () => post('web_app_close', undefined),
  };
  // The two managers whose "init" is a question to the client; a test machine has neither sensor.
  Object.assign(webApp.BiometricManager, {
    isInited: false,
    isBiometricAvailable: false,
    biometricType: 'unknown',
    isAccessRequested: false,
    isAccessGranted: false,
    isBiometricTokenSaved: false,
    deviceId: '',
    init: (cb) => (
      post('web_app_biometry_get_info', undefined),
      (webApp.BiometricManager.isInited = true),
      later(() => (emit('biometricManagerUpdated', undefined), cb && cb())),
      webApp.BiometricManager
    ),
    requestAccess: (p, cb) => (
      post('web_app_biometry_request_access', { reason: p && p.reason }),
      later(() => cb && cb(false)),
      webApp.BiometricManager
    ),
    authenticate: (p, cb) => (
      post('web_app_biometry_request_auth', { reason: p && p.reason }),
      later(() => cb && cb(false)),
      webApp.BiometricManager
    ),
    updateBiometricToken: (token, cb) => (
      post('web_app_biometry_update_token', { token }),
      later(() => cb && cb(true)),
      webApp.BiometricManager
    ),
    openSettings: () => (post('web_app_biometry_open_settings', undefined), webApp.BiometricManager),
  });
  Object.assign(webApp.LocationManager, {
    isInited: false,
    isLocationAvailable: false,
    isAccessRequested: false,
    isAccessGranted: false,
    init: (cb) => (
      post('web_app_check_location', undefined),
      (webApp.LocationManager.isInited = true),
      later(() => (emit('locationManagerUpdated', undefined), cb && cb())),
      webApp.LocationManager
    ),
    getLocation: (cb) => (
      post('web_app_request_location', undefined),
      later(() => cb(null)),
      webApp.LocationManager
    ),
    openSettings: () => (post('web_app_open_location_settings', undefined), webApp.LocationManager),
  });

  // What the client tells the page: state updated first, then the page's handlers.
  on('theme_changed', (d) => {
    Object.assign(themeParams, d.theme_params);
    webApp.colorScheme = isDark(themeParams) ? 'dark' : 'light';
    emit('themeChanged', undefined);
  });
  on('viewport_changed', (d) => {
    if (d.height !== undefined) webApp.viewportHeight = d.height;
    if (d.is_expanded !== undefined) webApp.isExpanded = Boolean(d.is_expanded);
    if (d.is_state_stable) webApp.viewportStableHeight = webApp.viewportHeight;
    emit('viewportChanged', { isStateStable: Boolean(d.is_state_stable) });
  });
  on(
    'safe_area_changed',
    (d) => (Object.assign(webApp.safeAreaInset, d), emit('safeAreaChanged', undefined)),
  );
  on(
    'content_safe_area_changed',
    (d) => (Object.assign(webApp.contentSafeAreaInset, d), emit('contentSafeAreaChanged', undefined)),
  );
  on(
    'visibility_changed',
    (d) => (
      (webApp.isActive = Boolean(d.is_visible)),
      emit(d.is_visible ? 'activated' : 'deactivated', undefined)
    ),
  );
  on(
    'fullscreen_changed',
    (d) => ((webApp.isFullscreen = Boolean(d.is_fullscreen)), emit('fullscreenChanged', undefined)),
  );
  on('fullscreen_failed', (d) => emit('fullscreenFailed', { error: d.error }));
  on('invoice_closed', (d) => {
    const invoice = invoices.get(d.slug);
    invoices.delete(d.slug);
    if (invoice && invoice.callback) invoice.callback(d.status);
    emit('invoiceClosed', { url: invoice ? invoice.url : d.slug, status: d.status });
  });
  on('popup_closed', (d) => {
    const callback = popupCallback;
    popupCallback = undefined;
    if (callback) callback(d.button_id === undefined ? null : d.button_id);
    emit('popupClosed', { button_id: d.button_id === undefined ? null : d.button_id });
  });
  on('qr_text_received', (d) => {
    emit('qrTextReceived', { data: d.data });
    if (qrCallback && qrCallback(d.data) === true) webApp.closeScanQrPopup();
  });
  on('scan_qr_popup_closed', () => ((qrCallback = undefined), emit('scanQrPopupClosed', undefined)));
  on(
    'clipboard_text_received',
    (d) => (
      settle(d.req_id, [d.data === undefined ? null : d.data]),
      emit('clipboardTextReceived', { data: d.data })
    ),
  );
  on('write_access_requested', (d) => emit('writeAccessRequested', { status: d.status }));
  on('phone_requested', (d) => emit('contactRequested', d));
  on('home_screen_added', () => emit('homeScreenAdded', undefined));
  on('home_screen_checked', (d) => emit('homeScreenChecked', { status: d.status }));
  on('prepared_message_sent', () => emit('shareMessageSent', undefined));
  on('prepared_message_failed', (d) => emit('shareMessageFailed', { error: d.error }));
  on('emoji_status_set', () => emit('emojiStatusSet', undefined));
  on('emoji_status_failed', (d) => emit('emojiStatusFailed', { error: d.error }));
  on('emoji_status_access_requested', (d) => emit('emojiStatusAccessRequested', { status: d.status }));
  on('file_download_requested', (d) => emit('fileDownloadRequested', { status: d.status }));

  w.Telegram = Object.assign(w.Telegram || {}, { WebApp: webApp, WebView, Utils: {} });
  // Telegram's script asks the client for the current theme and viewport as it loads.
  post('web_app_request_theme', undefined);
  post('web_app_request_viewport', undefined);
})();
