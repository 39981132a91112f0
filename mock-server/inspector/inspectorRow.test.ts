import { toInspectorRow, type InspectedRequest } from './inspectorRow';
import { documentedResponse } from '../../schema';

const base: InspectedRequest = {
  seq: 7,
  received_at: '2026-01-01T00:00:00.000Z',
  status: 201,
  reason: 'RECORDED',
  response: { status: 201, headers: {}, body: documentedResponse('RECORDED').body },
};

describe('toInspectorRow', () => {
  it('lists the distinct event names of a batch and the token app', () => {
    const body = [
      { event_name: 'app-init', app_name: 'docs' },
      { event_name: 'app-hide', app_name: 'docs' },
      { event_name: 'app-init', app_name: 'docs' },
    ];
    const row = toInspectorRow({ ...base, app_name: 'docs', body });
    expect(row).toMatchObject({
      seq: 7,
      event_names: ['app-init', 'app-hide'],
      app_name: 'docs',
      status: 201,
    });
    expect(row.body).toBe(body);
  });

  // Issue 23: a request with no valid token was shown under the app its body claimed.
  it('shows no app for a token that did not verify, and keeps what it named for the why', () => {
    const missing = toInspectorRow({
      ...base,
      status: 400,
      reason: 'TOKEN_MISSING_OR_MALFORMED',
      body: { event_name: 'x', app_name: 'b' },
    });
    expect(missing).toMatchObject({
      app_name: null,
      claimed_app: 'b',
      event_names: ['x'],
      reason: 'TOKEN_MISSING_OR_MALFORMED',
    });
    // TOKEN_INVALID: the request log has the app (the token parsed), but its signature failed.
    const invalid = toInspectorRow({
      ...base,
      app_name: 'docs',
      status: 400,
      reason: 'TOKEN_INVALID',
      body: [{ event_name: 'x', app_name: 'other' }],
    });
    expect(invalid).toMatchObject({ app_name: null, claimed_app: 'docs' });
    expect(invalid.why).toMatch(/signature does not verify/);
    // Any later answer comes after the signature verified.
    const mismatch = toInspectorRow({ ...base, app_name: 'docs', status: 400, reason: 'APP_NAME_MISMATCH' });
    expect(mismatch.app_name).toBe('docs');
    expect(mismatch).not.toHaveProperty('claimed_app');
  });

  it('counts the events a request recorded by name, and none for a refused or undelivered one', () => {
    const body = [
      { event_name: 'app-init', app_name: 'docs' },
      { event_name: 'app-hide', app_name: 'docs' },
      { event_name: 'app-init', app_name: 'docs' },
    ];
    expect(toInspectorRow({ ...base, app_name: 'docs', body }).recorded).toEqual({
      'app-init': 2,
      'app-hide': 1,
    });
    const refused = { ...base, app_name: 'docs', body, status: 400, reason: 'VALIDATION' };
    expect(toInspectorRow(refused).recorded).toEqual({});
    expect(toInspectorRow({ ...base, app_name: 'docs', body, delivered: false })).toMatchObject({
      recorded: {},
      delivered: false,
    });
  });

  it('says why in words, with TGA-Mock-Detail and the violations marked by JSON Pointer', () => {
    const violations = [
      {
        keyword: 'required',
        instancePath: '/0',
        message: "must have required property 'session_id'",
        params: { missingProperty: 'session_id' },
      },
      { keyword: 'type', instancePath: '/0/user_id', message: 'must be number', params: { type: 'number' } },
      {
        keyword: 'additionalProperties',
        instancePath: '/0',
        message: 'must NOT have additional properties: "a/b"',
        params: { additionalProperty: 'a/b' },
      },
      { truncated: 2 },
    ];
    const row = toInspectorRow({
      ...base,
      app_name: 'docs',
      status: 400,
      reason: 'VALIDATION',
      response: {
        status: 400,
        headers: {
          'TGA-Mock-Reason': 'VALIDATION',
          'TGA-Mock-Violations': JSON.stringify(violations),
          'tga-mock-detail':
            "/0: must have required property 'session_id' (and 2 more in TGA-Mock-Violations)",
        },
        body: documentedResponse('VALIDATION').body,
      },
    });
    expect(row.why).toMatch(/does not match the event schema/);
    expect(row.detail).toBe(
      "/0: must have required property 'session_id' (and 2 more in TGA-Mock-Violations)",
    );
    expect(row.violations).toEqual([
      {
        keyword: 'required',
        instancePath: '/0',
        message: "must have required property 'session_id'",
        mark: '/0',
        missing: 'session_id',
      },
      { keyword: 'type', instancePath: '/0/user_id', message: 'must be number', mark: '/0/user_id' },
      {
        keyword: 'additionalProperties',
        instancePath: '/0',
        message: 'must NOT have additional properties: "a/b"',
        mark: '/0/a~1b',
      },
    ]);
    expect(row.violations_truncated).toBe(2);
  });

  it.each([['not json'], ['{}'], ['[1, {"instancePath": 3}]']])(
    'ignores a TGA-Mock-Violations header of %p',
    (header) => {
      const response = { ...base.response, headers: { 'TGA-Mock-Violations': header } };
      expect(toInspectorRow({ ...base, response }).violations).toEqual([]);
    },
  );

  it('passes on the upstream answer and its deviation when proxying', () => {
    const upstream = { status: 202, headers: { 'content-type': 'application/json' }, body: { ok: true } };
    const row = toInspectorRow({
      ...base,
      status: 202,
      reason: 'SUCCESS_202',
      upstream,
      response: {
        status: 202,
        headers: { 'TGA-Mock-Upstream-Deviation': 'Access-Control-Allow-Origin missing' },
        body: {},
      },
    });
    expect(row).toMatchObject({ upstream, deviation: 'Access-Control-Allow-Origin missing' });
    // The proxy reads the app from a token it cannot verify: no upstream answer, no app.
    const timedOut = toInspectorRow({ ...base, app_name: 'docs', status: 504, reason: 'UPSTREAM_TIMEOUT' });
    expect(timedOut).toMatchObject({
      app_name: null,
      claimed_app: 'docs',
      why: 'The upstream did not answer in time.',
    });
    expect(toInspectorRow(base)).not.toHaveProperty('upstream');
    expect(toInspectorRow(base)).not.toHaveProperty('deviation');
  });

  it.each([['not json'], [null], [42], [[1, 'a', null]], [undefined]])(
    'shows no names for a body of %p',
    (body) => {
      expect(toInspectorRow({ ...base, body })).toMatchObject({ event_names: [], app_name: null });
    },
  );

  it('bounds the names listed for a huge batch', () => {
    const body = Array.from({ length: 500 }, (_, i) => ({ event_name: `e${i}` }));
    expect(toInspectorRow({ ...base, body }).event_names).toHaveLength(20);
  });
});
