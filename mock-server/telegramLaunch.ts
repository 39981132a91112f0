// Telegram launch parameters, as a Telegram client puts them in a Mini App's URL hash, so that a
// Mini App and the official analytics SDK start in a plain browser (a test). SDK 1.6.4 refuses to
// run without tgWebAppData (holding user, auth_date, signature and hash), tgWebAppVersion,
// tgWebAppPlatform and tgWebAppThemeParams. Nothing here is signed: the SDK does not check the
// signature in the browser, and neither value needs more than the right shape.

export interface TelegramLaunchUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  is_premium?: boolean;
  language_code?: string;
}

export interface TelegramLaunch {
  /** Default: id 111111111, first_name "Test", language_code "en", is_premium false. */
  user?: TelegramLaunchUser;
  /** tgWebAppPlatform; default "tdesktop". */
  platform?: string;
  /** start_param in tgWebAppData (the SDK sends it as `start_param`); none by default. */
  startParam?: string;
  /** tgWebAppVersion; default "8.0". */
  version?: string;
}

export const DEFAULT_LAUNCH_USER: Readonly<Required<Omit<TelegramLaunchUser, 'last_name' | 'username'>>> =
  Object.freeze({ id: 111111111, first_name: 'Test', language_code: 'en', is_premium: false });

/** The launch parameters alone: what goes after `#`. */
export function telegramLaunchHash(launch: TelegramLaunch = {}): string {
  const user = { ...DEFAULT_LAUNCH_USER, ...launch.user };
  const data = new URLSearchParams({
    user: JSON.stringify(user),
    chat_instance: '8428209589180549439',
    chat_type: 'sender',
    ...(launch.startParam === undefined ? {} : { start_param: launch.startParam }),
    auth_date: String(Math.floor(Date.now() / 1000)),
    signature: 'c2lnbmF0dXJlLW9mLWEtZmFrZWQtbGF1bmNo',
    hash: 'ab'.repeat(32),
  });
  return new URLSearchParams({
    tgWebAppData: data.toString(),
    tgWebAppVersion: launch.version ?? '8.0',
    tgWebAppPlatform: launch.platform ?? 'tdesktop',
    tgWebAppThemeParams: JSON.stringify({
      bg_color: '#ffffff',
      text_color: '#000000',
      button_color: '#2481cc',
    }),
  }).toString();
}

/**
 * `pageUrl` with Telegram's launch parameters as its hash (a hash already in `pageUrl` is
 * replaced), so the page starts as if Telegram had opened it.
 */
export function telegramLaunchUrl(pageUrl: string, launch: TelegramLaunch = {}): string {
  const url = new URL(pageUrl);
  url.hash = telegramLaunchHash(launch);
  return url.toString();
}
