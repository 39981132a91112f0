// Telegram stand-in, part events: what the client tells the page, and the script's start.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
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
on('safe_area_changed', (d) => (Object.assign(webApp.safeAreaInset, d), emit('safeAreaChanged', undefined)));
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
