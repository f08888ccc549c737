// Airbyte protocol message types (protocol v0.3.2, airbyte_protocol.yaml). Only what a source emits or reads.

export type SyncMode = 'full_refresh' | 'incremental';
export type DestinationSyncMode = 'append' | 'overwrite' | 'append_dedup' | 'update' | 'soft_delete';
export type FailureType = 'system_error' | 'config_error' | 'transient_error';
export type LogLevel = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';
export type StreamStatus = 'STARTED' | 'RUNNING' | 'COMPLETE' | 'INCOMPLETE';

export type JsonObject = { [key: string]: unknown };

export interface StreamDescriptor {
  name: string;
  namespace?: string;
}

export interface AirbyteRecordMessage {
  stream: string;
  namespace?: string;
  data: JsonObject;
  emitted_at: number;
}

export interface AirbyteStreamState {
  stream_descriptor: StreamDescriptor;
  stream_state?: JsonObject | null;
}

export interface AirbyteStateMessage {
  type: 'STREAM';
  stream: AirbyteStreamState;
  sourceStats?: { recordCount: number };
}

export interface AirbyteLogMessage {
  level: LogLevel;
  message: string;
  stack_trace?: string;
}

export interface AirbyteErrorTraceMessage {
  message: string;
  internal_message?: string;
  stack_trace?: string;
  failure_type: FailureType;
  stream_descriptor?: StreamDescriptor;
}

export interface AirbyteEstimateTraceMessage {
  name: string;
  type: 'STREAM' | 'SYNC';
  namespace?: string;
  row_estimate?: number;
  byte_estimate?: number;
}

export interface AirbyteStreamStatusReason {
  type: 'RATE_LIMITED';
  rate_limited?: { quota_reset?: number };
}

export interface AirbyteStreamStatusTraceMessage {
  stream_descriptor: StreamDescriptor;
  status: StreamStatus;
  reasons?: AirbyteStreamStatusReason[];
}

export type AirbyteTraceMessage =
  | { type: 'ERROR'; emitted_at: number; error: AirbyteErrorTraceMessage }
  | { type: 'ESTIMATE'; emitted_at: number; estimate: AirbyteEstimateTraceMessage }
  | { type: 'STREAM_STATUS'; emitted_at: number; stream_status: AirbyteStreamStatusTraceMessage };

export interface AirbyteControlMessage {
  type: 'CONNECTOR_CONFIG';
  emitted_at: number;
  connectorConfig: { config: JsonObject };
}

export interface ConnectorSpecification {
  documentationUrl?: string;
  changelogUrl?: string;
  connectionSpecification: JsonObject;
  supportsIncremental?: boolean;
  supported_destination_sync_modes?: DestinationSyncMode[];
  advanced_auth?: JsonObject;
  protocol_version?: string;
}

export interface AirbyteConnectionStatus {
  status: 'SUCCEEDED' | 'FAILED';
  message?: string;
}

export interface AirbyteStream {
  name: string;
  namespace?: string;
  json_schema: JsonObject;
  supported_sync_modes: SyncMode[];
  source_defined_cursor?: boolean;
  default_cursor_field?: string[];
  source_defined_primary_key?: string[][];
  is_resumable?: boolean;
}

export interface AirbyteCatalog {
  streams: AirbyteStream[];
}

export interface ConfiguredAirbyteStream {
  stream: AirbyteStream;
  sync_mode: SyncMode;
  destination_sync_mode: DestinationSyncMode;
  cursor_field?: string[];
  primary_key?: string[][];
}

export interface ConfiguredAirbyteCatalog {
  streams: ConfiguredAirbyteStream[];
}

export type AirbyteMessage =
  | { type: 'RECORD'; record: AirbyteRecordMessage }
  | { type: 'STATE'; state: AirbyteStateMessage }
  | { type: 'LOG'; log: AirbyteLogMessage }
  | { type: 'SPEC'; spec: ConnectorSpecification }
  | { type: 'CONNECTION_STATUS'; connectionStatus: AirbyteConnectionStatus }
  | { type: 'CATALOG'; catalog: AirbyteCatalog }
  | { type: 'TRACE'; trace: AirbyteTraceMessage }
  | { type: 'CONTROL'; control: AirbyteControlMessage };
