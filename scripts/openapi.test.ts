import { validate } from '@readme/openapi-parser';
import openapi from '../schema/generated/openapi.json';
import { DOCUMENTED_RESPONSES } from '../schema';

test('the generated document is valid OpenAPI 3.1', async () => {
  const result = await validate(JSON.parse(JSON.stringify(openapi)));
  expect('errors' in result ? result.errors : []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(openapi.openapi).toBe('3.1.0');
});

test('POST /events lists every documented response with its exact example body', () => {
  const responses = openapi.paths['/events'].post.responses as Record<
    string,
    { content: { 'application/json': { examples: Record<string, { value: unknown }> } } }
  >;
  for (const r of DOCUMENTED_RESPONSES) {
    const examples = responses[String(r.status)].content['application/json'].examples;
    expect(examples[r.definition].value).toEqual(r.body);
  }
});

test('the security header and the threshold endpoint are described', () => {
  expect(openapi.components.securitySchemes.TgaAuthToken).toMatchObject({
    in: 'header',
    name: 'TGA-Auth-Token',
  });
  expect(openapi.paths['/events/threshold'].get.responses['200']).toBeDefined();
});

test('the validator does reject a broken document (the check above can fail)', async () => {
  const broken = JSON.parse(JSON.stringify(openapi));
  delete broken.info;
  broken.paths['/events'].post.responses['201'] = { content: {} };
  const result = await validate(broken);
  expect(result.valid).toBe(false);
});
