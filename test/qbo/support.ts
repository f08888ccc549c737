// Shared helpers for the QBO layer tests (not a test file itself).
import type { Logger } from '../../src/cdk/core/logger.js';
import { API_BACKOFF, RetryPolicy, SYSTEM_CLOCK, TOKEN_RETRY, type RetryClock, type RetrySettings } from '../../src/qbo/retry-policy.js';
import type { AccessTokenSource } from '../../src/qbo/token-manager.js';

export const REALM = '9130350000000000';
export const API = 'https://qbo.test';
export const COMPANY = `/v3/company/${REALM}`;
/** The config-derived http settings at spec.json's defaults (minor_version; max_retries and request_timeout_seconds are apiRetry's). */
export const HTTP_SETTINGS = { minorVersion: 75 } as const;

function clockOf(clock: Partial<RetryClock>): RetryClock {
  return { now: clock.now ?? SYSTEM_CLOCK.now, sleep: clock.sleep ?? SYSTEM_CLOCK.sleep, random: clock.random ?? SYSTEM_CLOCK.random };
}

/** The API retry policy at spec.json's defaults (max_retries 6, request_timeout_seconds 150), on the given clock. */
export function apiRetry(clock: Partial<RetryClock> = {}, settings: Partial<RetrySettings> = {}): RetryPolicy {
  return new RetryPolicy({ ...API_BACKOFF, retries: 6, tryTimeoutMs: 150_000, ...settings }, clockOf(clock));
}

/** The token endpoint's retry policy (TOKEN_RETRY), on the given clock. */
export function tokenRetry(clock: Partial<RetryClock> = {}, settings: Partial<RetrySettings> = {}): RetryPolicy {
  return new RetryPolicy({ ...TOKEN_RETRY, ...settings }, clockOf(clock));
}

/** A logger that keeps lines per level for assertions. */
export function recordingLogger(): Logger & { lines: { level: string; message: string }[]; text(level?: string): string } {
  const lines: { level: string; message: string }[] = [];
  const push = (level: string) => (message: string) => void lines.push({ level, message });
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    text(level?: string) {
      return lines
        .filter((l) => level === undefined || l.level === level)
        .map((l) => l.message)
        .join('\n');
    },
  };
}

/** A token source handing out tok-1, then tok-2 after an invalidate, ... */
export function fakeTokens(): AccessTokenSource & { invalidated: string[]; refreshes: number } {
  let current = 1;
  const source = {
    invalidated: [] as string[],
    refreshes: 0,
    getAccessToken: async () => `tok-${current}`,
    invalidate(token: string) {
      source.invalidated.push(token);
      if (token === `tok-${current}`) {
        current += 1;
        source.refreshes += 1;
      }
    },
  };
  return source;
}

/** A sleep that resolves at once and remembers what it was asked to wait. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return Object.assign(sleep, { waits });
}

/** Real-shaped payloads (small, inline; shapes follow recorded QBO responses). */
export const samples = {
  throttleXml429:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<IntuitResponse time="2016-12-07T15:27:09.527-08:00" xmlns="http://schema.intuit.com/finance/v3">\n  <Fault type="SERVICE">\n    <Error code="3001">\n      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>\n      <Detail>The request limit was reached.  Try again later</Detail>\n    </Error>\n  </Fault>\n</IntuitResponse>',
  throttleXml403:
    '<IntuitResponse time="2016-10-27T15:07:56.120-07:00" xmlns="http://schema.intuit.com/finance/v3">\n  <Fault type="SERVICE">\n    <Error code="3001">\n      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=403</Message>\n      <Detail>The request limit was reached.  Try again later</Detail>\n    </Error>\n  </Fault>\n</IntuitResponse>',
  throttleJson: {
    Fault: {
      Error: [{ Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', Detail: 'The request limit was reached.  Try again later', code: '3001' }],
      type: 'SERVICE',
    },
    time: '2024-09-29T06:52:56.527-07:00',
  },
  gateway401: {
    warnings: null,
    intuitObject: null,
    fault: {
      error: [
        {
          message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
          detail: 'Token expired: AB01601390262kxzxOlnHYdhtEVRXISU7piPqQrCmmbDN35Yjd',
          code: '3200',
          element: null,
        },
      ],
      type: 'AUTHENTICATION',
    },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    requestId: null,
    time: 1601391072830,
    status: null,
    cdcresponse: [],
  },
  invalidQuery4001: {
    Fault: {
      Error: [{ Message: 'Invalid query', Detail: 'QueryValidationError: invalid context declaration: Custmoer', code: '4001' }],
      type: 'ValidationFault',
    },
    time: '2020-09-29T06:52:56.527-07:00',
  },
  invalidId2030: {
    Fault: { Error: [{ Message: 'Invalid ID', Detail: 'Id should be a valid number. Supplied value:1.5', code: '2030', element: 'Id' }], type: 'ValidationFault' },
  },
  html502:
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n',
  customerPage: {
    QueryResponse: {
      Customer: [
        { Id: '1', DisplayName: "Amy's Bird Sanctuary", MetaData: { LastUpdatedTime: '2020-09-29T06:00:00-07:00' } },
        { Id: '2', DisplayName: 'Bill\'s Windsurf Shop', MetaData: { LastUpdatedTime: '2020-09-29T06:01:00-07:00' } },
      ],
      startPosition: 1,
      maxResults: 2,
    },
    time: '2020-09-29T06:04:23.783-07:00',
  },
};
