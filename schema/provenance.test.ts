// The event schema's provenance is complete and consistent: every property (and every property of
// an array item) says where it comes from, every widening names its source, and the documented
// view is exactly the documentation's Body table.
import { createAjv } from './ajv';
import { documentedView, sourceOf, type Widening } from './provenance';
import { resolveRefs } from './json/resolveRefs';
import { schemas, type JsonSchema } from './schemas';

/** The event schema with its $ref (event_name) inlined. */
const inlineForTest = (): JsonSchema =>
  resolveRefs(Object.values(schemas), String(schemas.event.$id)).schema as JsonSchema;

/** The fields of the docs' Body table (required and optional), in its order. */
const DOCS_TABLE =
  'user_id event_name session_id app_name is_premium is_success error_message error_code wallet_address wallet_type wallet_version auth_type valid_until from messages custom_data client_timestamp platform locale start_param url_referer scope'.split(
    ' ',
  );
const SOURCES = ['docs', 'sdk', 'ton-connect'];

function properties(node: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const [k, sub] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
    out.push([`${path}${k}`, sub]);
    const items = sub.items as JsonSchema | undefined;
    if (items?.properties) out.push(...properties(items, `${path}${k}[].`));
  }
  return out;
}

describe('schema provenance (x-source, x-widened)', () => {
  const all = properties(schemas.event);

  test('every property, at any depth, has an x-source; those not from the docs name their client', () => {
    for (const [path, node] of all) {
      expect([path, SOURCES.includes(node['x-source'] as string)]).toEqual([path, true]);
      if (node['x-source'] !== 'docs') expect([path, typeof node['x-client']]).toEqual([path, 'string']);
    }
  });

  test('the top-level properties from the docs are exactly the Body table', () => {
    const docs = Object.entries(schemas.event.properties as Record<string, JsonSchema>)
      .filter(([, p]) => sourceOf(p) === 'docs')
      .map(([k]) => k);
    expect(docs).toEqual(DOCS_TABLE);
  });

  test('every widening names its source and adds a type, enum values or minItems the schema really allows', () => {
    for (const [path, node] of all) {
      for (const w of (node['x-widened'] ?? []) as Widening[]) {
        expect([path, SOURCES.includes(w['x-source'])]).toEqual([path, true]);
        const { type, enum: values, minItems } = w.adds;
        expect([path, type !== undefined || values !== undefined || minItems !== undefined]).toEqual([
          path,
          true,
        ]);
        if (type) expect([path, (node.type as string[]).includes(type)]).toEqual([path, true]);
        for (const v of values ?? [])
          expect([path, (node.enum as unknown[]).includes(v)]).toEqual([path, true]);
      }
    }
  });

  test('the documented view: no client fields, no client nulls or enum names, messages in the documented shape', () => {
    const view = documentedView(inlineForTest());
    const props = view.properties as Record<string, JsonSchema>;
    expect(Object.keys(props)).toEqual(DOCS_TABLE);
    expect(props.wallet_address.type).toBe('string');
    expect(props.error_code.type).toEqual(['number', 'null']); // the docs' own example sends null
    expect(props.auth_type.enum).toEqual([0, 1]);
    expect(props.messages.minItems).toBe(1);
    const items = props.messages.items as JsonSchema;
    expect(items.required).toEqual(['address', 'amount']);
    expect(Object.keys(items.properties as object)).toEqual(['address', 'amount']);
    expect((items.properties as Record<string, JsonSchema>).address.type).toBe('string');
  });

  test('ajv in strict mode accepts the annotations, and the documented view compiles', () => {
    const ajv = createAjv();
    const { $id: _id, ...view } = documentedView(inlineForTest());
    const validate = ajv.compile(view);
    const event = {
      user_id: 1,
      event_name: 'app-init',
      session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
      app_name: 'a',
    };
    expect(validate(event)).toBe(true);
    expect(validate({ ...event, wallet_address: null })).toBe(false);
    expect(validate({ ...event, trace_id: 42 })).toBe(true); // unknown to the docs: accepted
    expect(validate({ ...event, messages: [{ address: 'x' }] })).toBe(false);
  });
});
