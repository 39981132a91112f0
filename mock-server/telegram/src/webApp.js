// Telegram stand-in, part webApp: Telegram.WebApp itself, as @types/telegram-web-app describes it.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
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
