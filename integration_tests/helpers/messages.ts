// Parsing connector stdout into AirbyteMessages (strictly: a non-JSON stdout line is a protocol violation) and
// picking messages out of a run.
import type {
  AirbyteErrorTraceMessage,
  AirbyteMessage,
  AirbyteRecordMessage,
  AirbyteStateMessage,
  AirbyteStreamStatusTraceMessage,
  JsonObject,
} from '../../src/cdk/core/protocol.js';
import { assertValidMessage } from './protocol-validator.js';

export type { AirbyteMessage };

/** One stdout line -> a validated AirbyteMessage; throws on anything else. */
export function parseMessageLine(line: string, lineNo: number): AirbyteMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`stdout line ${lineNo} is not JSON: ${line.slice(0, 300)}`);
  }
  assertValidMessage(parsed);
  return parsed as AirbyteMessage;
}

/** A whole stdout; empty lines are tolerated only at the very end. */
export function parseMessages(stdout: string): AirbyteMessage[] {
  const lines = stdout.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => parseMessageLine(line, i + 1));
}

type Of<T extends AirbyteMessage['type']> = Extract<AirbyteMessage, { type: T }>;

export function ofType<T extends AirbyteMessage['type']>(messages: readonly AirbyteMessage[], type: T): Of<T>[] {
  return messages.filter((m): m is Of<T> => m.type === type);
}

export function records(messages: readonly AirbyteMessage[], stream?: string): AirbyteRecordMessage[] {
  return ofType(messages, 'RECORD')
    .map((m) => m.record)
    .filter((r) => stream === undefined || r.stream === stream);
}

export function states(messages: readonly AirbyteMessage[], stream?: string): AirbyteStateMessage[] {
  return ofType(messages, 'STATE')
    .map((m) => m.state)
    .filter((s) => stream === undefined || s.stream?.stream_descriptor.name === stream);
}

export function traceErrors(messages: readonly AirbyteMessage[]): AirbyteErrorTraceMessage[] {
  const out: AirbyteErrorTraceMessage[] = [];
  for (const m of ofType(messages, 'TRACE')) if (m.trace.type === 'ERROR') out.push(m.trace.error);
  return out;
}

export function streamStatuses(messages: readonly AirbyteMessage[]): AirbyteStreamStatusTraceMessage[] {
  const out: AirbyteStreamStatusTraceMessage[] = [];
  for (const m of ofType(messages, 'TRACE')) if (m.trace.type === 'STREAM_STATUS') out.push(m.trace.stream_status);
  return out;
}

export function controlConfigs(messages: readonly AirbyteMessage[]): JsonObject[] {
  return ofType(messages, 'CONTROL').map((m) => m.control.connectorConfig.config);
}

export function logLines(messages: readonly AirbyteMessage[], level?: string): string[] {
  return ofType(messages, 'LOG')
    .filter((m) => level === undefined || m.log.level === level)
    .map((m) => m.log.message);
}

/** Record count per stream, in first-seen order. */
export function recordCounts(messages: readonly AirbyteMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records(messages)) counts.set(r.stream, (counts.get(r.stream) ?? 0) + 1);
  return counts;
}
