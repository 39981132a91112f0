import {
  controlAllowed,
  hostAllowed,
  isLoopback,
  refuseControlRequest,
  type ControlRequest,
  type HostPolicy,
} from './controlAccess';

describe('control API access', () => {
  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.2', false],
    ['203.0.113.5', false],
    [undefined, false],
  ])('%s loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  test('without an admin token: loopback only; with one: the token, from anywhere', () => {
    expect(controlAllowed('127.0.0.1', undefined)).toBe(true);
    expect(controlAllowed('203.0.113.5', undefined)).toBe(false);
    expect(controlAllowed('127.0.0.1', undefined, 'admin')).toBe(false);
    expect(controlAllowed('127.0.0.1', 'wrong', 'admin')).toBe(false);
    expect(controlAllowed('203.0.113.5', 'admin', 'admin')).toBe(true);
  });
});

describe('cross-site rules for /__mock', () => {
  const policy = { boundHost: '127.0.0.1' };
  const req = (extra: Partial<ControlRequest> = {}): ControlRequest => ({
    method: 'GET',
    path: '/__mock/events',
    host: '127.0.0.1:8787',
    ...extra,
  });
  const reason = (r: ControlRequest, p: HostPolicy = policy) => refuseControlRequest(r, p)?.reason;

  test.each([
    ['localhost:8787', true],
    ['LOCALHOST', true],
    ['app.localhost:1', true],
    ['127.0.0.1', true],
    ['127.200.3.4:80', true],
    ['[::1]:8787', true],
    ['localhost.:8787', true],
    ['evil.example', false],
    ['evil.example:8787', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.evil.example', false],
    ['10.0.0.5:8787', false],
    ['[::2]:8787', false],
  ])('Host %s allowed: %s', (host, expected) => {
    expect(hostAllowed(host, policy)).toBe(expected);
  });

  test('the bound address, --allowed-hosts, and any IP literal for a wildcard bind', () => {
    expect(hostAllowed('10.0.0.5:8787', { boundHost: '10.0.0.5' })).toBe(true);
    expect(hostAllowed('[fd00::5]:8787', { boundHost: 'fd00::5' })).toBe(true);
    expect(hostAllowed('mock:8787', { boundHost: '0.0.0.0' })).toBe(false);
    expect(hostAllowed('192.168.1.9:8787', { boundHost: '0.0.0.0' })).toBe(true);
    expect(hostAllowed('[fd00::9]:8787', { boundHost: '::' })).toBe(true);
    const allowed = { boundHost: '127.0.0.1', allowedHosts: ['Mock', '.dev.example'] };
    expect(hostAllowed('mock:8787', allowed)).toBe(true);
    expect(hostAllowed('dev.example', allowed)).toBe(true);
    expect(hostAllowed('a.b.dev.example:1', allowed)).toBe(true);
    expect(hostAllowed('evildev.example', allowed)).toBe(false);
    expect(hostAllowed(undefined, policy)).toBe(true); // HTTP/1.0 without Host: not a browser
  });

  test('a refused Host names the host and the flag', () => {
    const refusal = refuseControlRequest(req({ host: 'evil.example:8787' }), policy);
    expect(refusal?.reason).toBe('HOST_NOT_ALLOWED');
    expect(refusal?.message).toContain('"evil.example:8787"');
    expect(refusal?.message).toContain('--allowed-hosts evil.example');
  });

  test('Origin must be this origin; Sec-Fetch-Site must not be another site', () => {
    expect(reason(req({ origin: 'http://127.0.0.1:8787' }))).toBeUndefined();
    expect(reason(req({ origin: 'https://127.0.0.1:8787' }))).toBeUndefined();
    expect(reason(req({ host: 'localhost', origin: 'http://localhost' }))).toBeUndefined();
    expect(reason(req({ host: 'localhost:80', origin: 'http://localhost' }))).toBeUndefined();
    expect(reason(req({ origin: 'http://127.0.0.1:9999' }))).toBe('CROSS_SITE_REFUSED');
    expect(reason(req({ origin: 'http://localhost:8787' }))).toBe('CROSS_SITE_REFUSED');
    expect(reason(req({ origin: 'null' }))).toBe('CROSS_SITE_REFUSED');
    expect(reason(req({ origin: 'not a url' }))).toBe('CROSS_SITE_REFUSED');
    expect(reason(req({ origin: 'http://127.0.0.1:8787', host: undefined }))).toBe('CROSS_SITE_REFUSED');
    expect(reason(req({ secFetchSite: 'same-origin' }))).toBeUndefined();
    expect(reason(req({ secFetchSite: 'none' }))).toBeUndefined();
    expect(reason(req({ secFetchSite: 'cross-site' }))).toBe('CROSS_SITE_REFUSED');
    expect(reason(req({ secFetchSite: 'same-site' }))).toBe('CROSS_SITE_REFUSED');
  });

  test('a top-level GET navigation from another site may open the page; nothing else may', () => {
    const nav = { secFetchSite: 'cross-site', secFetchMode: 'navigate', secFetchDest: 'document' };
    expect(reason(req({ path: '/__mock/', ...nav }))).toBeUndefined();
    expect(reason(req({ path: '/__mock/', ...nav, secFetchDest: 'iframe' }))).toBe('CROSS_SITE_REFUSED');
    expect(
      reason(req({ method: 'POST', contentType: 'application/json', path: '/__mock/faults', ...nav })),
    ).toBe('CROSS_SITE_REFUSED');
  });

  test('state changes need Content-Type: application/json (a DELETE without a body may omit it)', () => {
    const post = (contentType?: string) => req({ method: 'POST', path: '/__mock/faults', contentType });
    expect(reason(post('application/json'))).toBeUndefined();
    expect(reason(post('Application/JSON; charset=utf-8'))).toBeUndefined();
    expect(reason(post('text/plain'))).toBe('CONTROL_NOT_JSON');
    expect(reason(post('application/x-www-form-urlencoded'))).toBe('CONTROL_NOT_JSON');
    expect(reason(post('multipart/form-data; boundary=x'))).toBe('CONTROL_NOT_JSON');
    expect(reason(post(undefined))).toBe('CONTROL_NOT_JSON');
    expect(reason(req({ method: 'PUT', contentType: 'text/plain' }))).toBe('CONTROL_NOT_JSON');
    expect(reason(req({ method: 'DELETE' }))).toBeUndefined();
    expect(reason(req({ method: 'DELETE', contentType: 'application/json' }))).toBeUndefined();
    expect(reason(req({ method: 'DELETE', contentType: 'text/plain' }))).toBe('CONTROL_NOT_JSON');
    expect(refuseControlRequest(post('text/plain'), policy)?.message).toMatch(
      /POST \/__mock\/faults needs Content-Type: application\/json \(got "text\/plain"\)/,
    );
  });
});
