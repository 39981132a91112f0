// The benchmark's request scenarios. Each is one fixed request; the mock must answer it with
// `expect`, the baselines (which check nothing) with 201.
import { gzipSync } from 'node:zlib';
import { flipSignatureBit } from '../../schema/token';

export interface Scenario {
  name: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The status the mock must answer. */
  expect: number;
}

export function sampleEvent(i: number, appName = 'docs'): Record<string, unknown> {
  return {
    event_name: i % 3 === 0 ? 'app-init' : i % 3 === 1 ? 'custom-event' : 'app-hide',
    session_id: '90620f17-7ddc-4c17-a53c-cc17653ccc17',
    user_id: 5123456789 + i,
    app_name: appName,
    is_premium: true,
    platform: 'tdesktop',
    locale: 'en',
    start_param: 'ref_42',
    client_timestamp: String(1795747507073 + i),
  };
}

/**
 * `origin` must be on the token's app_domain: the browser SDK always sends `Origin` (its requests
 * are cross-origin), so the mock checks it and puts CORS headers on every answer.
 */
export function scenarios(token: string, origin: string): Scenario[] {
  const json = { 'content-type': 'application/json', 'tga-auth-token': token };
  const batch = Buffer.from(JSON.stringify(Array.from({ length: 20 }, (_, i) => sampleEvent(i))));
  return [
    {
      name: 'one valid event',
      headers: json,
      body: Buffer.from(JSON.stringify([sampleEvent(0)])),
      expect: 201,
    },
    { name: 'batch of 20', headers: json, body: batch, expect: 201 },
    { name: 'batch of 20, Origin', headers: { ...json, origin }, body: batch, expect: 201 },
    {
      name: 'batch of 20, gzip',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: gzipSync(batch),
      expect: 201,
    },
    {
      name: 'invalid event',
      headers: json,
      body: Buffer.from(JSON.stringify([{ ...sampleEvent(0), user_id: 'not-a-number' }])),
      expect: 400,
    },
    {
      name: 'forged token',
      headers: { ...json, 'tga-auth-token': flipSignatureBit(token) },
      body: Buffer.from(JSON.stringify([sampleEvent(0)])),
      expect: 400,
    },
  ];
}
