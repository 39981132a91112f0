import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENTED_REASONS, DOCUMENTED_RESPONSES, documentedResponse, identifyResponse } from './index';

// The documented responses, as the docs (seed/api-endpoints.md, "Responses") list them.
const docsPath = path.join(__dirname, '..', '..', 'shared', 'seed', 'api-endpoints.md');

function parseDocs(markdown: string): { status: number; body: unknown }[] {
  const section = markdown.slice(markdown.indexOf('### Responses'));
  const found: { status: number; body: unknown }[] = [];
  const re = /#### HTTP(\d{3})[\s\S]*?```json\n([\s\S]*?)```/g;
  for (let m = re.exec(section); m; m = re.exec(section))
    found.push({ status: Number(m[1]), body: JSON.parse(m[2]) });
  return found;
}

describe('documented response table', () => {
  test('has one entry per reason code, each reason once', () => {
    expect(DOCUMENTED_RESPONSES.map((r) => r.reason).sort()).toEqual([...DOCUMENTED_REASONS].sort());
  });

  test('matches the docs exactly: same statuses, same bodies, same order', () => {
    const docs = parseDocs(readFileSync(docsPath, 'utf8'));
    expect(docs).toHaveLength(8);
    expect(DOCUMENTED_RESPONSES.map((r) => ({ status: r.status, body: r.body }))).toEqual(docs);
  });

  test('the reason codes point at the documented messages', () => {
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
