// `tga-contract/playwright/test`: @playwright/test's `test` and `expect`, with what a Mini App's
// analytics test needs as fixtures. Unlike `tga-contract/playwright` this entry loads
// @playwright/test (an optional peer dependency) and the mock.
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startMock, type MockOptions, type RunningMock } from '../mock-server';
import { telegramLaunchUrl, type TelegramLaunch } from '../mock-server/telegramLaunch';
import { routeToMock, type RouteToMockOptions } from './routeToMock';
import { telegramCalls, telegramEmit, type TelegramCall } from './telegram';

export interface MiniAppFixtures {
  /** The worker's mock, reset before each test; the test's `page` is routed to it. */
  mock: RunningMock;
  /** Options for routeToMock on the test's page (`test.use({ routeOptions: { … } })`). */
  routeOptions: RouteToMockOptions;
  /** Opens `pageUrl` in the test's page with Telegram's launch parameters (telegramLaunchUrl). */
  openMiniApp: (pageUrl: string, launch?: TelegramLaunch) => ReturnType<Page['goto']>;
  /** The page's side of Telegram: its calls so far, and events delivered to it. */
  telegram: {
    calls(): Promise<TelegramCall[]>;
    emit(event: string, params?: unknown): Promise<void>;
  };
}

export interface MiniAppWorkerFixtures {
  /** Options for the worker's mock (`test.use({ mockOptions: { … } })`, a worker option). */
  mockOptions: Partial<MockOptions>;
  /** The mock itself, one per worker; tests use `mock`. */
  workerMock: RunningMock;
}

export const test = base.extend<MiniAppFixtures, MiniAppWorkerFixtures>({
  mockOptions: [{}, { option: true, scope: 'worker' }],
  workerMock: [
    async ({ mockOptions }, use) => {
      const mock = await startMock(mockOptions);
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  routeOptions: [{}, { option: true }],
  // Automatic, so the page is routed even in a test that never names `mock`.
  mock: [
    async ({ workerMock, page, routeOptions }, use) => {
      workerMock.reset();
      await routeToMock(page, workerMock.url, routeOptions);
      await use(workerMock);
    },
    { auto: true },
  ],
  openMiniApp: async ({ page }, use) => {
    await use((pageUrl, launch) => page.goto(telegramLaunchUrl(pageUrl, launch)));
  },
  telegram: async ({ page }, use) => {
    await use({
      calls: () => telegramCalls(page),
      emit: (event, params) => telegramEmit(page, event, params),
    });
  },
});

export { expect };
