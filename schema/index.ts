export { schemas, EVENT_NAMES, toStrictEventSchema, toStrictRequestSchema, type JsonSchema } from './schemas';
export {
  createRequestValidator,
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
