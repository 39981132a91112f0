import { EVENTS_ROUTE, SDK_PATHS, SDK_ROUTES, sdkRoute } from './sdkRoutes';

describe('the SDK route table', () => {
  test('POST /events and /events/fingerprint, GET /events/threshold, and a preflight on each path', () => {
    expect(SDK_ROUTES.map((r) => `${r.method} ${r.path} ${r.serves}`)).toEqual([
      'POST /events event',
      'POST /events/fingerprint fingerprint',
      'GET /events/threshold threshold',
      'OPTIONS /events preflight',
      'OPTIONS /events/fingerprint preflight',
      'OPTIONS /events/threshold preflight',
    ]);
    expect(SDK_PATHS).toEqual(['/events', '/events/fingerprint', '/events/threshold']);
    expect(EVENTS_ROUTE).toEqual({ method: 'POST', path: '/events', serves: 'event' });
    expect(Object.isFrozen(SDK_ROUTES) && SDK_ROUTES.every((r) => Object.isFrozen(r))).toBe(true);
  });

  test.each([
    ['POST', '/events', 'event'],
    ['POST', '/events?x=1', 'event'],
    ['POST', '/events/fingerprint', 'fingerprint'],
    ['POST', '/events/fingerprint?', 'fingerprint'],
    ['GET', '/events/threshold', 'threshold'],
    ['OPTIONS', '/events/threshold?a', 'preflight'],
  ])('%s %s is the %s route', (method, url, serves) => {
    expect(sdkRoute(method, url)?.serves).toBe(serves);
  });

  test.each([
    ['GET', '/events'],
    ['HEAD', '/events/threshold'],
    ['POST', '/eventsx'],
    ['POST', '/events/'],
    ['POST', '/Events'],
    ['POST', '/events/threshold'],
    ['POST', '/__mock/events'],
    [undefined, '/events'],
    ['POST', undefined],
  ])('%s %s is not matched exactly: the router decides', (method, url) => {
    expect(sdkRoute(method, url)).toBeUndefined();
  });
});
