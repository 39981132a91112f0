// The response registry (responses.schema.json, read by responses.ts) against the documented
// answers. documented-responses.json holds the status and exact body of each answer as the public
// API documentation lists them (its `source`), in the documentation's order.
import { isDeepStrictEqual } from 'node:util';
import { createAjv } from './ajv';
import documented from './documented-responses.json';
import { DOCUMENTED_REASONS, DOCUMENTED_RESPONSES, documentedResponse, identifyResponse } from './index';
import responsesSchema from './responses.schema.json';

interface Answer {
  status: number;
  body: unknown;
}

/** Every way `actual` differs from `expected`, in words; empty when they are the same list. */
function differences(actual: readonly Answer[], expected: readonly Answer[]): string[] {
  const found: string[] = [];
  if (actual.length !== expected.length)
    found.push(`${actual.length} responses in the registry, ${expected.length} documented`);
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const [a, e] = [actual[i], expected[i]];
    if (!a || !e) continue;
    if (a.status !== e.status) found.push(`#${i + 1}: status ${a.status}, documented ${e.status}`);
    if (!isDeepStrictEqual(a.body, e.body))
      found.push(`#${i + 1}: body ${JSON.stringify(a.body)}, documented ${JSON.stringify(e.body)}`);
  }
  return found;
}

const registry = DOCUMENTED_RESPONSES.map((r) => ({ status: r.status, body: r.body }));

describe('the documented-responses fixture', () => {
  test('names the documentation as its source and lists its 8 answers', () => {
    expect(documented.source).toMatch(/^https:\/\//);
    expect(documented.responses).toHaveLength(8);
  });

  test('the difference check fails on a changed message, status, order or a missing answer', () => {
    const changed = JSON.parse(JSON.stringify(documented.responses)) as Answer[];
    changed[3].body = { message: 'Token is invalid' };
    expect(differences(registry, changed)).toEqual([
      '#4: body {"message":"Token is invalid."}, documented {"message":"Token is invalid"}',
    ]);
    const otherStatus = JSON.parse(JSON.stringify(documented.responses)) as Answer[];
    otherStatus[6].status = 401;
    expect(differences(registry, otherStatus)).toEqual(['#7: status 403, documented 401']);
    expect(differences(registry, [...documented.responses].reverse()).length).toBeGreaterThan(0);
    expect(differences(registry, documented.responses.slice(1)).length).toBeGreaterThan(0);
  });
});

describe('the response registry', () => {
  test('has one entry per reason code, each reason once', () => {
    expect(DOCUMENTED_RESPONSES.map((r) => r.reason).sort()).toEqual([...DOCUMENTED_REASONS].sort());
  });

  test('matches the documented answers exactly: same statuses, same bodies, same order', () => {
    expect(differences(registry, documented.responses)).toEqual([]);
  });

  test('each documented body is accepted by exactly one definition, the one with the documented status', () => {
    const ajv = createAjv();
    const defs = Object.keys(responsesSchema.$defs);
    for (const { status, body } of documented.responses) {
      const accepting = defs.filter((name) =>
        ajv.validate({ $ref: `${responsesSchema.$id}#/$defs/${name}` }, body),
      );
      expect(accepting).toHaveLength(1);
      const def = (responsesSchema.$defs as Record<string, { 'x-status': number }>)[accepting[0]];
      expect(def['x-status']).toBe(status);
    }
  });

  test('the reason codes point at the documented messages', () => {
    expect(documentedResponse('TOKEN_MISSING_OR_MALFORMED')).toMatchObject({
      status: 400,
      body: { message: 'The token is not specified in the headers or is specified incorrectly.' },
    });
    expect(documentedResponse('TOKEN_INVALID')).toMatchObject({
      status: 400,
      body: { message: 'Token is invalid.' },
    });
    expect(documentedResponse('VALIDATION').body).toEqual({
      status: 400,
      message: 'VALIDATION_MISMATCH_REPORT',
    });
    expect(documentedResponse('DOMAIN_MISMATCH').status).toBe(403);
    expect(documentedResponse('RATE_LIMITED').status).toBe(429);
    expect(documentedResponse('RECORDED').status).toBe(201);
  });

  test('identifyResponse classifies a status and body, whatever the key order', () => {
    expect(identifyResponse(400, { message: 'VALIDATION_MISMATCH_REPORT', status: 400 })?.reason).toBe(
      'VALIDATION',
    );
    expect(identifyResponse(200, { message: 'Success record.' })).toBeUndefined();
    expect(identifyResponse(400, { message: 'Token is invalid' })).toBeUndefined();
  });
});
