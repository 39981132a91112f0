// `tga-contract/playwright`: what a Mini App's Playwright tests need to point the official SDK at
// the mock. Playwright itself (`playwright-core`, or `@playwright/test`) is the test's own: this
// entry uses its types only and loads nothing of it.
export {
  routeToMock,
  SDK_BACKENDS,
  SDK_THIRD_PARTY_HOSTS,
  type HandledRequest,
  type RelayedRequest,
  type RouteToMockOptions,
} from './routeToMock';
export { telegramCalls, telegramEmit, type TelegramCall } from './telegram';
export { telegramWebAppScript } from '../mock-server/telegram/standIn';
export type { Verdict } from './corsCheck';
export {
  telegramLaunchUrl,
  telegramLaunchHash,
  DEFAULT_LAUNCH_USER,
  type TelegramLaunch,
  type TelegramLaunchUser,
} from '../mock-server/telegramLaunch';
