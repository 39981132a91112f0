// The shipped stand-in for telegram-web-app.js, evaluated in a jsdom window opened with
// telegramLaunchUrl's launch parameters: Telegram.WebApp as the reference describes it, every call
// to Telegram recorded, events delivered as Telegram delivers them, and the official SDK (1.6.4)
// initialising on it and still letting each call through after it wraps WebView.postEvent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { telegramLaunchUrl } from '../telegramLaunch';
import { telegramWebAppScript, telegramWebAppScriptText } from './standIn';

const SDK_BUNDLE = path.join(
  path.dirname(require.resolve('@telegram-apps/analytics')),
  '..',
  '..',
  'dist',
  'index.js',
);
const USER = { id: 5123456789, first_name: 'Ada', language_code: 'en', is_premium: true };

type Win = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function openPage(url = telegramLaunchUrl('https://mini-app.example/', { user: USER, startParam: 'ref_1' })) {
  const dom = new JSDOM('<!doctype html><title>Mini App</title>', {
    url,
    runScripts: 'outside-only',
    virtualConsole: new VirtualConsole(), // the SDK logs each listener it attaches
  });
  const window = dom.window as unknown as Win;
  window.eval(readFileSync(telegramWebAppScript, 'utf8'));
  const calls = () => window.__tgaTelegramStandIn.calls as { event: string; params?: unknown }[];
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return { dom, window, tg: window.Telegram.WebApp, calls, flush };
}

test('the path is the shipped file and the text reader reads it once', () => {
  expect(path.basename(telegramWebAppScript)).toBe('telegram-web-app.js');
  expect(telegramWebAppScriptText()).toBe(readFileSync(telegramWebAppScript, 'utf8'));
  expect(telegramWebAppScriptText()).toBe(telegramWebAppScriptText());
});

test('WebApp carries the launch parameters telegramLaunchUrl writes', () => {
  const { tg, window } = openPage();
  expect(tg.initDataUnsafe.user).toEqual(USER);
  expect(tg.initDataUnsafe.start_param).toBe('ref_1');
  expect(typeof tg.initDataUnsafe.auth_date).toBe('number');
  expect(new URLSearchParams(tg.initData).get('hash')).toBe('ab'.repeat(32));
  expect([tg.version, tg.platform, tg.colorScheme]).toEqual(['8.0', 'tdesktop', 'light']);
  expect(tg.themeParams).toMatchObject({ bg_color: '#ffffff', button_color: '#2481cc' });
  expect(tg.isVersionAtLeast('7.10')).toBe(true);
  expect(tg.isVersionAtLeast('8.1')).toBe(false);
  expect(window.Telegram.WebView.initParams.tgWebAppVersion).toBe('8.0');
  expect(window.Telegram.WebView.isIframe).toBe(false);
});

test('each call is recorded in order; the client answers what it answers at once', async () => {
  const { tg, calls, flush } = openPage();
  tg.ready();
  tg.expand();
  tg.MainButton.setText('Buy').show();
  tg.BackButton.show();
  tg.HapticFeedback.impactOccurred('light').selectionChanged();
  expect(calls().map((c) => c.event)).toEqual([
    'web_app_request_theme',
    'web_app_request_viewport',
    'web_app_ready',
    'web_app_expand',
    'web_app_setup_main_button',
    'web_app_setup_main_button',
    'web_app_setup_back_button',
    'web_app_trigger_haptic_feedback',
    'web_app_trigger_haptic_feedback',
  ]);
  expect(calls()[5].params).toMatchObject({ is_visible: true, text: 'Buy', is_active: true });
  expect(calls()[2]).toEqual({ event: 'web_app_ready' });
  expect(tg.MainButton).toMatchObject({ isVisible: true, text: 'Buy' });
  await flush();
  expect(tg.isExpanded).toBe(true);
  const got: unknown[] = [];
  tg.CloudStorage.setItem('k', 'v', (error: unknown, ok: unknown) => got.push([error, ok]));
  tg.CloudStorage.getItem('k', (error: unknown, value: unknown) => got.push([error, value]));
  await flush();
  expect(got).toEqual([
    [null, true],
    [null, 'v'],
  ]);
});

test('events from Telegram reach the WebApp handlers, with state updated first', () => {
  const { tg, window } = openPage();
  const seen: unknown[] = [];
  const clicked = () => seen.push('mainButtonClicked');
  tg.onEvent('mainButtonClicked', clicked);
  tg.MainButton.onClick(() => seen.push('onClick'));
  tg.onEvent('themeChanged', () => seen.push(tg.colorScheme));
  tg.onEvent('viewportChanged', (e: unknown) => seen.push(e, tg.viewportHeight));
  window.Telegram.WebView.receiveEvent('main_button_pressed');
  window.Telegram.WebView.receiveEvent('theme_changed', { theme_params: { bg_color: '#000000' } });
  window.Telegram.WebView.receiveEvent('viewport_changed', { height: 500, is_state_stable: true });
  tg.offEvent('mainButtonClicked', clicked);
  window.Telegram.WebView.receiveEvent('main_button_pressed');
  expect(seen).toEqual(['onClick', 'mainButtonClicked', 'dark', { isStateStable: true }, 500, 'onClick']);
  const closed: unknown[] = [];
  tg.openInvoice('https://t.me/$abc', (status: string) => closed.push(status));
  tg.showConfirm('Sure?', (ok: boolean) => closed.push(ok));
  window.Telegram.WebView.receiveEvent('invoice_closed', { slug: 'abc', status: 'paid' });
  window.Telegram.WebView.receiveEvent('popup_closed', { button_id: 'ok' });
  expect(closed).toEqual(['paid', true]);
});

test('the official SDK inits on the stand-in, and every call still reaches Telegram after it', async () => {
  const { window, tg, calls } = openPage();
  // What jsdom lacks and the SDK uses; its requests get an empty answer (no network here).
  window.fetch = async () => new Response('{}', { status: 200 });
  Object.assign(window, { Blob, Response, CompressionStream, TextEncoder });
  window.Worker = class {
    postMessage() {}
    terminate() {}
    addEventListener() {}
  };
  window.URL.createObjectURL = () => 'blob:stub';
  const errors: unknown[] = [];
  window.addEventListener('error', (e: { error: unknown }) => errors.push(e.error));
  window.eval(readFileSync(SDK_BUNDLE, 'utf8'));
  await window.telegramAnalytics.init({ token: 'a-token', appName: 'docs' });
  tg.ready();
  tg.openInvoice('https://t.me/$slug-1', () => undefined);
  expect(calls().map((c) => c.event)).toEqual(
    expect.arrayContaining(['web_app_ready', 'web_app_open_invoice']),
  );
  expect(calls().find((c) => c.event === 'web_app_open_invoice')).toEqual({
    event: 'web_app_open_invoice',
    params: { slug: 'slug-1' },
  });
  expect(errors).toEqual([]);
  window.close();
});
