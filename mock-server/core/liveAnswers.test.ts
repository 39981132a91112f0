import { observation } from '../../schema';
import { reportSentences } from './liveAnswers';
import { resolveOptions } from './options';
import type { Violation } from './violations';

const v = (
  keyword: string,
  instancePath: string,
  params: Record<string, unknown>,
  message = '',
): Violation => ({
  keyword,
  instancePath,
  message,
  params,
});

describe('the report sentences', () => {
  test('a missing app_name gives exactly the observed sentence', () => {
    const observed = observation('VALIDATION_REPORT').observed.body!.message as string[];
    expect(reportSentences([v('required', '/0', { missingProperty: 'app_name' })], true)).toEqual(observed);
    // One event, not an array: reported as the batch of one it stands for.
    expect(reportSentences([v('required', '', { missingProperty: 'app_name' })], false)).toEqual(observed);
  });

  test('one sentence per property, its constraints in order, in class-validator words', () => {
    expect(
      reportSentences(
        [
          v('format', '/1/session_id', { format: 'uuid' }),
          v('type', '/1/user_id', { type: 'number' }),
          v('enum', '/0/event_name', { allowedValues: ['app-init', 'app-hide'] }),
          v('additionalProperties', '/1', { additionalProperty: 'extra' }),
          v('minItems', '', { limit: 1 }),
        ],
        true,
      ),
    ).toEqual([
      'property events[1].session_id has failed the following constraints: session_id must be a UUID',
      'property events[1].user_id has failed the following constraints: user_id must be a number conforming to the specified constraints',
      'property events[0].event_name has failed the following constraints: event_name must be one of the following values: app-init, app-hide',
      'property events[1].extra has failed the following constraints: property extra should not exist',
      'property events has failed the following constraints: events must contain at least 1 elements',
    ]);
  });

  test('a body that is not JSON is one sentence of its own', () => {
    expect(reportSentences([v('json', '', {}, 'body is not JSON: Unexpected end')], true)).toEqual([
      'body is not JSON: Unexpected end',
    ]);
  });
});

test('--answers takes docs or live; live and --upstream do not go together', () => {
  expect(resolveOptions({ argv: ['--answers', 'live'] })).toMatchObject({
    ok: true,
    options: { answers: 'live' },
  });
  expect(resolveOptions({ argv: ['--answers', 'real'] })).toMatchObject({ ok: false });
  expect(resolveOptions({ argv: ['--answers', 'live', '--upstream', 'http://127.0.0.1:1'] })).toMatchObject({
    ok: false,
    error: expect.stringContaining('--answers live does not apply'),
  });
});
