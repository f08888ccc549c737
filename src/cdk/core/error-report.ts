// What any thrown value becomes in front of a person: one scrubbed line, the maintainer's detail
// (internal message) and a stack, except for config errors (the fix is in the message, not the code).
import { ConnectorError } from './errors.js';

/** What a protocol writer says about a thrown value: one readable line, maintainer detail, stack. */
export interface ErrorReport {
  message: string;
  internalMessage: string | undefined;
  stackTrace: string | undefined;
  streamName: string | undefined;
}

/** Collapse whitespace runs (newlines included) so a message is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message ? `${value.name}: ${value.message}` : value.name;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The stack of `error` followed by its causes' (a few levels), so wrapped failures keep their origin. */
function stackOf(error: unknown): string | undefined {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const text = current instanceof Error ? (current.stack ?? describe(current)) : describe(current);
    parts.push(depth === 0 ? text : `Caused by: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/**
 * Our own errors already say what to do; anything else (a bug, a library's error) gets a one-line
 * message saying it is unexpected, with the original text kept as the internal message. `scrub`
 * (the run's SecretRegistry) masks secrets first: one-lining or cutting could otherwise change a
 * secret into a form the output scrub no longer recognises. A config error carries no stack: it is
 * the user's to fix and the message says how.
 */
export function reportError(error: unknown, streamName?: string, scrub: (text: string) => string = (text) => text): ErrorReport {
  if (error instanceof ConnectorError) {
    const stack = error.failureType === 'config_error' ? undefined : stackOf(error);
    return {
      message: oneLine(scrub(error.describeFor(streamName ?? error.streamName))) || error.name,
      internalMessage: error.internalMessage === undefined ? undefined : scrub(error.internalMessage),
      stackTrace: stack === undefined ? undefined : scrub(stack),
      streamName: streamName ?? error.streamName,
    };
  }
  const where = streamName === undefined ? '' : ` while reading stream "${streamName}"`;
  if (error instanceof RangeError && /call stack size/i.test(error.message)) {
    // Data nested thousands of levels deep (JSON.stringify and friends recurse): say what it means.
    return {
      message: `Unexpected data${where}: a record or answer is nested too deeply to process (${error.message}). No real QuickBooks record is; retry, and report it if it persists`,
      internalMessage: error.message,
      stackTrace: undefined,
      streamName,
    };
  }
  const text = oneLine(scrub(describe(error)));
  const stack = stackOf(error);
  return {
    message: `Unexpected error${where}: ${text.length > 500 ? text.slice(0, 500) + '...' : text}`,
    internalMessage: text,
    stackTrace: stack === undefined ? undefined : scrub(stack),
    streamName,
  };
}
