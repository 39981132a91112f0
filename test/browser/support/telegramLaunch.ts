// Faked Telegram launch parameters, as a Telegram client puts them in a Mini App's URL hash. The
// official SDK parses them at start and refuses to run without tgWebAppData (user, auth_date,
// signature, hash), tgWebAppVersion, tgWebAppPlatform and tgWebAppThemeParams.

export interface TelegramUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_premium?: boolean;
}

export interface LaunchOptions {
  user: TelegramUser;
  startParam?: string;
  platform?: string;
  version?: string;
  authDate?: Date;
}

export function telegramLaunchHash(options: LaunchOptions): string {
  const data = new URLSearchParams({
    user: JSON.stringify(options.user),
    chat_instance: '8428209589180549439',
    chat_type: 'sender',
    ...(options.startParam === undefined ? {} : { start_param: options.startParam }),
    auth_date: String(Math.floor((options.authDate ?? new Date()).getTime() / 1000)),
    // Neither is verified client-side; the values only need the right shape.
    signature: 'c2lnbmF0dXJlLW9mLWEtZmFrZWQtbGF1bmNo',
    hash: 'ab'.repeat(32),
  });
  return new URLSearchParams({
    tgWebAppData: data.toString(),
    tgWebAppVersion: options.version ?? '8.0',
    tgWebAppPlatform: options.platform ?? 'tdesktop',
    tgWebAppThemeParams: JSON.stringify({
      bg_color: '#ffffff',
      text_color: '#000000',
      button_color: '#2481cc',
    }),
  }).toString();
}
