// Talking to a page as Telegram would, through the Telegram stand-in (mock-server/telegram): what
// the page asked of Telegram, and events delivered the way Telegram delivers them
// (Telegram.WebView.receiveEvent, which the official SDK also listens to). Playwright-core is used
// for its types only.
import type { Page } from 'playwright-core';

/** One call the page made to Telegram: `event` is the method, e.g. `web_app_ready`. */
export interface TelegramCall {
  event: string;
  /** The call's parameters; absent when it has none. */
  params?: unknown;
}

interface StandInWindow {
  __tgaTelegramStandIn?: { calls: TelegramCall[] };
  Telegram?: { WebView?: { receiveEvent?: (event: string, params?: unknown) => void } };
}

const NO_STAND_IN =
  'the page has no Telegram stand-in: open it through routeToMock (it answers ' +
  'https://telegram.org/js/telegram-web-app.js with the stand-in unless telegramScript is false)';

/** The calls the page made to Telegram so far, in order. */
export async function telegramCalls(page: Page): Promise<TelegramCall[]> {
  const calls = await page.evaluate(() => {
    const standIn = (window as unknown as StandInWindow).__tgaTelegramStandIn;
    return standIn === undefined ? null : standIn.calls;
  });
  if (calls === null) throw new Error(`telegramCalls: ${NO_STAND_IN}`);
  return calls;
}

/**
 * Delivers `event` to the page as Telegram does: `main_button_pressed` reaches
 * `WebApp.onEvent('mainButtonClicked', …)` and the button's onClick handlers; `theme_changed`,
 * `viewport_changed`, `invoice_closed`, `popup_closed`, … update WebApp and call their handlers.
 */
export async function telegramEmit(page: Page, event: string, params?: unknown): Promise<void> {
  const delivered = await page.evaluate(
    ([name, data]) => {
      const w = window as unknown as StandInWindow;
      if (w.__tgaTelegramStandIn === undefined || typeof w.Telegram?.WebView?.receiveEvent !== 'function')
        return false;
      w.Telegram.WebView.receiveEvent(name, data ?? undefined);
      return true;
    },
    [event, params ?? null] as const,
  );
  if (!delivered) throw new Error(`telegramEmit: ${NO_STAND_IN}`);
}
