// The kit's public surface: everything a connector (src/, outside cdk/) may use. Modules inside the kit
// import each other by path, never through this file, so it stays free of import cycles.
// Not here on purpose: run/exit-on-signal.ts, which an executable imports by path as its very first
// module (before anything else loads), so that a signal during start-up already has a handler; and
// run/young-generation.ts, which an executable calls next, before the heap has grown.

// Contracts a connector implements, and the protocol's types.
export type { RunContext, Source } from './core/source-interface.js';
export type { MessageSink, Stream, StreamEvent, StreamReadRequest } from './core/stream.js';
export type * from './core/protocol.js';
export { DELETED_AT } from './core/deletes.js';

// Errors (each carries its Airbyte failure_type), logging, secrets.
export { ConfigError, ConnectorError, StreamConfigError, SystemError, TransientError, failureTypeOf } from './core/errors.js';
export { silentLogger, type Logger } from './core/logger.js';
export { SecretRegistry, clientCredentialForms } from './core/secrets.js';
export { isObject } from './core/json-object.js';
// Records that travel as their JSON bytes (a source's pages read without parsing).
export { rawJsonOf, rawRecord, recordValue, releaseRecords, type RawJson, type RawOwner } from './core/raw-record.js';
export { packageRoot } from './core/package-root.js';

// Files.
export { readJsonFile } from './io/json-file.js';
export { jsonParseReason } from './io/json-syntax.js';
export { MAX_JSON_DEPTH, JsonTooDeepError, checkDataDepth, checkJsonDepth, depthExceededAt } from './io/json-depth.js';
export { NotARegularFileError, writeFileAtomic } from './io/atomic-file.js';

// Running a command: the protocol front ends, the exit guard, the replay of an archived run.
export { runAirbyte, type AirbyteRunnerIo } from './airbyte/runner.js';
export { runSinger, type SingerRunnerIo, type SingerRunOptions } from './singer/runner.js';
export { runCommand, type CommandIo, type CommandSession, type ProtocolFrontEnd } from './run/command-lifecycle.js';
export { installExitGuard, type ExitGuardOptions } from './run/exit-guard.js';
export { runReplay } from './archive/replay-command.js';

// Watching records on their way out (run-time validation, journals) and progress counters.
export { observedStream } from './validation/observed-stream.js';
export { RecordValidationError, RecordValidator, validatingStream, type ValidationMode } from './validation/record-validator.js';
export type { ProgressMetrics } from './progress/display.js';
