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

  it('falls back to the app the body claims when the token named none', () => {
    const row = toInspectorRow({
      ...base,
      status: 400,
      reason: 'TOKEN_MISSING_OR_MALFORMED',
      body: { event_name: 'x', app_name: 'b' },
    });
    expect(row).toMatchObject({ app_name: 'b', event_names: ['x'], reason: 'TOKEN_MISSING_OR_MALFORMED' });
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
