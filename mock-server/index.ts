// The package's public API (`require('tga-contract')`). Keep these names stable: the conformance
// suite, the benchmarks and the inspector build on them.
export { createApp, type MockApp, type MockDeps, type MockRuntime } from './http/app';
export { createMockServer, listen, loadTls, shutdown, type Listening, type TlsMaterial } from './http/server';
export { startMock, type RunningMock } from './startMock';
export { createToken, verifyToken } from './core/tokenSignature';
export {
  telegramLaunchUrl,
  telegramLaunchHash,
  DEFAULT_LAUNCH_USER,
  type TelegramLaunch,
  type TelegramLaunchUser,
} from './telegramLaunch';
export { telegramWebAppScript, telegramWebAppScriptText } from './telegram/standIn';
export {
  DEMO_CLAIMS,
  decodeToken,
  type DecodedToken,
  type TokenClaims,
  type TokenDecoding,
} from '../schema/token';
export {
  resolveOptions,
  DEFAULT_OPTIONS,
  OPTION_TABLE,
  type MockOptions,
  type LogLevel,
  type Resolved,
  type ResolveInput,
} from './core/options';
export { ANSWERS, answerFor, MOCK_REASONS, type Reason, type MockReason, type Answer } from './core/answers';
export {
  decide,
  type Decision,
  type DecisionInput,
  type DecisionDeps,
  type BodyOutcome,
} from './core/decide';
export type { FaultSpec, FaultKind } from './core/faultSpec';
export type { ArmResult, Fault, FaultStore } from './core/faults';
export type {
  Journal,
  JournalEntry,
  JournalFilter,
  JournalMessage,
  JournalSink,
  RequestLogEntry,
  WaitOptions,
} from './core/journal';
