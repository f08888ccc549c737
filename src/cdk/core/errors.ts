// The kit's error classes: each carries the Airbyte failure_type (config_error, transient_error,
// system_error) a TRACE ERROR reports, so the class thrown decides what the user is told.
import type { FailureType } from './protocol.js';

/**
 * Base class of every error the connector raises on purpose. The class decides the Airbyte
 * failure_type; `message` is the one line a user reads and must name the fix.
 */
export abstract class ConnectorError extends Error {
  abstract readonly failureType: FailureType;
  /** Extra detail for maintainers (Airbyte `internal_message`): ids, raw fault text. */
  readonly internalMessage: string | undefined;
  /** The stream this error belongs to, when it belongs to one. */
  streamName: string | undefined;

  constructor(message: string, options: { cause?: unknown; internalMessage?: string; streamName?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.internalMessage = options.internalMessage;
    this.streamName = options.streamName;
  }

  /** The message a report shows; an error whose text should name the stream it broke overrides it. */
  describeFor(_stream: string | undefined): string {
    return this.message;
  }
}

/** Something the user must fix: credentials, config, catalog, state. */
export class ConfigError extends ConnectorError {
  readonly failureType = 'config_error' as const;
}

/**
 * A config mistake confined to one stream (e.g. its own query clause): config_error like
 * ConfigError, but the other streams go on, since they do not share the mistake.
 */
export class StreamConfigError extends ConnectorError {
  readonly failureType = 'config_error' as const;
}

/** Something a later retry may fix: throttling, outages, timeouts. */
export class TransientError extends ConnectorError {
  readonly failureType = 'transient_error' as const;
}

/** A defect or an unexpected answer: neither the user nor a retry can fix it. */
export class SystemError extends ConnectorError {
  readonly failureType = 'system_error' as const;
}

/** failure_type for any thrown value: our classes say it, anything else is a system_error. */
export function failureTypeOf(error: unknown): FailureType {
  return error instanceof ConnectorError ? error.failureType : 'system_error';
}
