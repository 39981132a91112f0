export { schemas, EVENT_NAMES, toStrictEventSchema, toStrictRequestSchema, type JsonSchema } from './schemas';
export {
  createRequestValidator,
  createFingerprintValidator,
  MAX_ISSUES,
  type RequestValidator,
  type ValidationIssue,
  type ValidationResult,
} from './validator';
export {
  DOCUMENTED_REASONS,
  DOCUMENTED_RESPONSES,
  documentedResponse,
  identifyResponse,
  type DocumentedReason,
  type DocumentedResponse,
} from './responses';
export type * from './generated/types';
export {
  claimsFor,
  decodeToken,
  DEMO_CLAIMS,
  encodeClaims,
  flipSignatureBit,
  forgeClaims,
  joinToken,
  malformedTokens,
  mustDecodeToken,
  redactToken,
  SIGNATURE_BYTES,
  type DecodedToken,
  type TokenClaims,
  type TokenDecoding,
} from './token';
export * as headers from './headers';
export { resolveRefs, RefError, type SchemaNode, type ResolvedSchema } from './json/resolveRefs';
export { canonicalJson, sameJson } from './json/canonicalJson';
export { jsonType, typeAllows, type JsonTypeName } from './json/jsonType';
export { escapeSegment, unescapeSegment } from './json/jsonPointer';
export { seededRandom, type Random } from './random';
export { documentedView, sourceOf, PROVENANCE_KEYWORDS, type Source, type Widening } from './provenance';
export {
  OBSERVATIONS,
  OBSERVATION_IDS,
  observation,
  identifyObserved,
  isValidationReport,
  type Observation,
  type ObservationId,
  type ObservationSource,
  type ObservedPart,
} from './liveService';
