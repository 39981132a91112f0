// The full ajv instance with every schema of the contract, for tools and tests that validate
// against the schemas as written (and for `npm run generate`, which precompiles the request
// validators from it). Kept out of `schema/index.ts` on purpose: loading and compiling ajv costs
// about 150 ms, which the mock's start-up does not pay (it uses the precompiled validators).
import Ajv2020, { type Options } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PROVENANCE_KEYWORDS } from './provenance';
import { schemas } from './schemas';

export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true, ...options });
  addFormats(ajv, ['uuid', 'uri', 'date-time']);
  // Our annotation keywords on documented responses; OpenAPI keeps them as extensions.
  ajv.addVocabulary(['x-status', 'x-reason', ...PROVENANCE_KEYWORDS]);
  ajv.addSchema([
    schemas.eventNames,
    schemas.event,
    schemas.eventStrict,
    schemas.request,
    schemas.requestStrict,
    schemas.responses,
    schemas.threshold,
    schemas.fingerprint,
  ]);
  return ajv;
}
