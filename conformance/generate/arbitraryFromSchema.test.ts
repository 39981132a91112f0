import { createRequestValidator, schemas } from '../../schema';
import { sampleValidEvents } from './arbitraryFromSchema';

describe('sampleValidEvents', () => {
  const validator = createRequestValidator({ strict: true });

  test('every generated event is valid against the strict schema and has the app name', () => {
    const events = sampleValidEvents(schemas.event, 'docs', 7, 200);
    for (const e of events) {
      const r = validator.validate([e]);
      if (!r.ok) throw new Error(`${JSON.stringify(e)}: ${JSON.stringify(r.errors)}`);
      expect(e.app_name).toBe('docs');
    }
  });

  test('the same seed gives the same events; another seed others', () => {
    const a = sampleValidEvents(schemas.event, 'docs', 1234, 5);
    expect(sampleValidEvents(schemas.event, 'docs', 1234, 5)).toEqual(a);
    expect(sampleValidEvents(schemas.event, 'docs', 4321, 5)).not.toEqual(a);
  });

  test('optional fields vary: across a sample some are present and some absent', () => {
    const events = sampleValidEvents(schemas.event, 'docs', 99, 50);
    const withMessages = events.filter((e) => 'messages' in e).length;
    expect(withMessages).toBeGreaterThan(0);
    expect(withMessages).toBeLessThan(events.length);
  });
});
