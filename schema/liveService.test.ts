import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import data from './observations.json';
import observationsSchema from './observations.schema.json';
import {
  DOCUMENTED_RESPONSES,
  documentedResponse,
  identifyObserved,
  isValidationReport,
  observation,
  OBSERVATION_IDS,
  OBSERVATIONS,
} from './index';
import { unescapeSegment } from './json/jsonPointer';

/** The value a JSON Pointer names in `value`, or undefined. */
const at = (value: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map(unescapeSegment)
    .reduce<unknown>(
      (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined),
      value,
    );

test('observations.json is valid against observations.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date']);
  const validate = ajv.compile(observationsSchema);
  expect(validate(data) ? [] : validate.errors).toEqual([]);
});

test('every id is listed once, in the file order', () => {
  expect(OBSERVATIONS.map((o) => o.id)).toEqual([...OBSERVATION_IDS]);
});

test("each entry's docs side is the documented answer of its reason, and the observed side differs", () => {
  for (const o of OBSERVATIONS.filter((x) => x.reason !== undefined)) {
    const documented = documentedResponse(o.reason!);
    expect([o.id, o.docs.status, o.docs.body]).toEqual([o.id, documented.status, documented.body]);
    expect([o.observed.status, o.observed.body]).not.toEqual([documented.status, documented.body]);
  }
});

test('every inferred part names a part of the observed body', () => {
  for (const o of OBSERVATIONS)
    for (const { pointer } of o.inferred)
      expect([o.id, pointer, at(o.observed.body, pointer)]).not.toContainEqual(undefined);
});

test('the entries are frozen', () => {
  expect(Object.isFrozen(OBSERVATIONS[0].sources[0])).toBe(true);
});

describe('identifyObserved', () => {
  test('knows the observed success and report, and nothing documented', () => {
    expect(identifyObserved(202, { message: 'Success record.' })?.id).toBe('SUCCESS_202');
    expect(identifyObserved(202, { message: 'Success record' })).toBeUndefined();
    expect(identifyObserved(400, observation('VALIDATION_REPORT').observed.body)?.id).toBe(
      'VALIDATION_REPORT',
    );
    for (const r of DOCUMENTED_RESPONSES)
      expect([r.reason, identifyObserved(r.status, r.body)]).toEqual([r.reason, undefined]);
  });

  test('a report is a non-empty message string or list of strings that no documented answer uses', () => {
    expect(isValidationReport({ message: 'events must be an array' })).toBe(true);
    expect(isValidationReport({ statusCode: 400, message: ['a', 'b'], error: 'Bad Request' })).toBe(true);
    expect(isValidationReport({ message: '' })).toBe(false);
    expect(isValidationReport({ message: [] })).toBe(false);
    expect(isValidationReport({ message: ['a', 3] })).toBe(false);
    expect(isValidationReport({ message: 'Token is invalid.' })).toBe(false);
    expect(isValidationReport({ status: 400, message: 'VALIDATION_MISMATCH_REPORT' })).toBe(false);
    expect(isValidationReport(['a'])).toBe(false);
  });
});
