// In process there is no network to forward over: the MSW mock refuses --upstream with a clear
// error instead of quietly answering as a mock (the HTTP proxy is tested in mock-server/http/proxy.test.ts).
import { createMswMock } from '../../mock-server/msw';

test('createMswMock says the proxy is not supported in process', () => {
  expect(() => createMswMock({ upstream: 'http://127.0.0.1:9' })).toThrow(
    /upstream is not supported in process/,
  );
});
