// Validates AirbyteMessages against the committed protocol schema (integration_tests/protocol/), plus the rule
// the YAML lacks: each `type` comes with its matching payload (RECORD -> record, TRACE ERROR -> trace.error, ...).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readRepoJson } from './repo-paths.js';

// ajv-formats is CommonJS; under NodeNext its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const PAYLOAD_OF: Record<string, string> = {
  RECORD: 'record',
  STATE: 'state',
  LOG: 'log',
  SPEC: 'spec',
  CONNECTION_STATUS: 'connectionStatus',
  CATALOG: 'catalog',
  TRACE: 'trace',
  CONTROL: 'control',
  DESTINATION_CATALOG: 'destination_catalog',
};

const TRACE_PAYLOAD_OF: Record<string, string> = {
  ERROR: 'error',
  ESTIMATE: 'estimate',
  STREAM_STATUS: 'stream_status',
  ANALYTICS: 'analytics',
};

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  // strict: the schema must compile with no unknown keyword (a broken conversion shows up here).
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  compiled = ajv.compile(readRepoJson<object>('integration_tests', 'protocol', 'airbyte-message.schema.json'));
  return compiled;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'enum' ? ` ${JSON.stringify(e.params)}` : ''}`;
}

/** Problems with one message; an empty list means valid. */
export function messageProblems(message: unknown): string[] {
  const validate = validator();
  const problems = validate(message) ? [] : (validate.errors ?? []).map(describe);
  if (!isObject(message)) return problems.length > 0 ? problems : ['not an object'];
  const type = message['type'];
  const key = typeof type === 'string' ? PAYLOAD_OF[type] : undefined;
  if (key !== undefined && !isObject(message[key])) problems.push(`type ${String(type)} without its "${key}" payload`);
  const trace = message['trace'];
  if (type === 'TRACE' && isObject(trace)) {
    const sub = typeof trace['type'] === 'string' ? TRACE_PAYLOAD_OF[trace['type']] : undefined;
    if (sub !== undefined && !isObject(trace[sub])) problems.push(`TRACE ${String(trace['type'])} without trace.${sub}`);
  }
  const control = message['control'];
  if (type === 'CONTROL' && isObject(control) && control['type'] === 'CONNECTOR_CONFIG' && !isObject(control['connectorConfig'])) {
    problems.push('CONTROL CONNECTOR_CONFIG without control.connectorConfig');
  }
  return problems;
}

/** Throws with every problem when the message is not a valid AirbyteMessage. */
export function assertValidMessage(message: unknown): void {
  const problems = messageProblems(message);
  if (problems.length > 0) {
    const text = JSON.stringify(message);
    throw new Error(`invalid AirbyteMessage (${problems.join('; ')}): ${text.length > 500 ? text.slice(0, 500) + '...' : text}`);
  }
}
