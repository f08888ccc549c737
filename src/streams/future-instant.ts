// An instant in the future cannot be a cursor or a start date: a state or config holding one would
// make a stream skip every record from now until then, silently. The local clock stands in for
// QBO's (no request is made before the check), with a day of slack for a clock that is off.
import { ConfigError } from '../cdk/index.js';
import { instantOf } from './qbo-time.js';

/** How far past the local clock an instant may lie before it is refused. */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** Whether `value` lies more than the slack past `now`. */
export function isFutureInstant(value: string, now: number = Date.now()): boolean {
  return instantOf(value) > now + FUTURE_SLACK_MS;
}

/** Throws a ConfigError naming `what` and the value when `value` lies in the future. */
export function refuseFutureInstant(value: string, what: string, fix: string, now: number = Date.now(), streamName?: string): void {
  if (!isFutureInstant(value, now)) return;
  throw new ConfigError(
    `${what} is ${JSON.stringify(value)}, which is in the future (this machine's clock says ${new Date(now).toISOString()}): nothing would be read until then. ${fix}`,
    streamName === undefined ? {} : { streamName },
  );
}
