// Step 5's schema check, one event at a time. Validating a whole batch at once with ajv's
// allErrors collects every error of every event: 100,000 empty objects (300 KB) took minutes.
// Per event, stopping once MAX_ISSUES are collected, gives the same verdict — the batch schema is
// only "a non-empty array whose every item is an event" (schema/request.schema.json) — in bounded time.
import { MAX_ISSUES, type RequestValidator, type TgaEvent, type ValidationResult } from '../../schema';

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateEvents(validator: RequestValidator, body: unknown): ValidationResult {
  if (!Array.isArray(body) || body.length === 0) return validator.validate(body);
  const errors: Extract<ValidationResult, { ok: false }>['errors'] = [];
  for (let i = 0; i < body.length && errors.length < MAX_ISSUES; i++) {
    const item: unknown = body[i];
    if (!isObject(item)) {
      // The single-event branch would read an array item as a batch of its own: rule it out here.
      errors.push({
        keyword: 'type',
        instancePath: `/${i}`,
        schemaPath: '#/$defs/EventBatch/items/type',
        params: { type: 'object' },
        message: 'must be object',
      });
      continue;
    }
    const result = validator.validate(item);
    if (!result.ok)
      for (const e of result.errors) errors.push({ ...e, instancePath: `/${i}${e.instancePath}` });
  }
  return errors.length > 0
    ? { ok: false, errors: errors.slice(0, MAX_ISSUES) }
    : { ok: true, events: body as TgaEvent[] };
}
