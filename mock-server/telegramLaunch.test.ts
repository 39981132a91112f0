import { DEFAULT_LAUNCH_USER, telegramLaunchUrl } from './telegramLaunch';

const hashOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1));

test('the launch parameters the SDK insists on, in the hash; query and path kept, a hash replaced', () => {
  const url = telegramLaunchUrl('http://127.0.0.1:5173/app/?x=1#/old', {
    user: { id: 5123456789, first_name: 'Ada', is_premium: true, language_code: 'de' },
    platform: 'android',
    startParam: 'ref_42',
    version: '7.10',
  });
  expect(url.startsWith('http://127.0.0.1:5173/app/?x=1#tgWebAppData=')).toBe(true);
  const hash = hashOf(url);
  expect([...hash.keys()]).toEqual([
    'tgWebAppData',
    'tgWebAppVersion',
    'tgWebAppPlatform',
    'tgWebAppThemeParams',
  ]);
  expect([hash.get('tgWebAppVersion'), hash.get('tgWebAppPlatform')]).toEqual(['7.10', 'android']);
  expect(JSON.parse(hash.get('tgWebAppThemeParams')!)).toMatchObject({ bg_color: expect.any(String) });
  const data = new URLSearchParams(hash.get('tgWebAppData')!);
  expect(JSON.parse(data.get('user')!)).toEqual({
    id: 5123456789,
    first_name: 'Ada',
    is_premium: true,
    language_code: 'de',
  });
  expect(data.get('start_param')).toBe('ref_42');
  expect(Number(data.get('auth_date'))).toBeGreaterThan(1_700_000_000);
  expect(data.get('signature')).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(data.get('hash')).toMatch(/^[0-9a-f]{64}$/);
});

test('defaults: a test user, tdesktop, version 8.0, no start_param', () => {
  const hash = hashOf(telegramLaunchUrl('https://app.example/'));
  const data = new URLSearchParams(hash.get('tgWebAppData')!);
  expect(JSON.parse(data.get('user')!)).toEqual(DEFAULT_LAUNCH_USER);
  expect(data.has('start_param')).toBe(false);
  expect([hash.get('tgWebAppVersion'), hash.get('tgWebAppPlatform')]).toEqual(['8.0', 'tdesktop']);
});
