// The Logger used during a command: each line becomes a LOG message through the protocol's
// MessageSink (so Airbyte and Singer each put it where their protocol wants it).
import type { Logger } from './logger.js';
import type { LogLevel } from './protocol.js';
import type { MessageSink } from './stream.js';

function ignore(): void {}

/**
 * A Logger writing through a MessageSink. Fire-and-forget: the sink's output keeps lines in call
 * order, and a failed write (closed stdout) surfaces on the next awaited write or flush instead.
 */
export class SinkLogger implements Logger {
  constructor(
    private readonly sink: MessageSink,
    private readonly options: { debug?: boolean } = {},
  ) {}

  debug(message: string): void {
    if (this.options.debug) this.send('DEBUG', message);
  }
  info(message: string): void {
    this.send('INFO', message);
  }
  warn(message: string): void {
    this.send('WARN', message);
  }
  error(message: string): void {
    this.send('ERROR', message);
  }

  private send(level: LogLevel, message: string): void {
    this.sink.log(level, message).catch(ignore);
  }
}
