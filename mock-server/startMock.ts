// startMock(): the mock on a free 127.0.0.1 port inside a test process, with the handles a test
// needs — what msw's setupServer and WireMock's JUnit rule give their users.
import { createApp, type MockDeps } from './http/app';
import { listen, shutdown } from './http/server';
import type { MockOptions } from './core/options';
import { testHandle, type TestHandle } from './core/testHandle';

export interface RunningMock extends TestHandle {
  /** Base URL, e.g. http://127.0.0.1:41234 (POST `${url}/events`). */
  url: string;
  close(): Promise<void>;
}

export async function startMock(
  options: Partial<MockOptions> = {},
  deps: MockDeps = {},
): Promise<RunningMock> {
  // Inside a test process: a free port and no request log unless asked otherwise; every other
  // default (loopback included) is the option table's.
  const app = createApp({ port: 0, logLevel: 'silent', ...options }, deps);
  const { server, url } = await listen(app, app.mock.options.port, app.mock.options.host);
  let closing: Promise<void> | undefined;
  return { url, ...testHandle(app.mock), close: () => (closing ??= shutdown(app, server)) };
}
