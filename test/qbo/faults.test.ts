import { describe, expect, it } from 'vitest';
import { ConfigError, SystemError, TransientError } from '../../src/cdk/core/errors.js';
import { errorFromResponse, readQboResponse } from '../../src/qbo/faults.js';
import { parseBody, parseRetryAfter, type QboResponseInput } from '../../src/qbo/fault-parser.js';
import {
  QboAccessError,
  QboAuthError,
  QboFaultError,
  QboNotFoundError,
  QboQueryError,
  QboServerError,
  QboThrottleError,
  qboContextOf,
} from '../../src/qbo/qbo-errors.js';
import { samples } from './support.js';

const TID = '1-5f734c9d-204a81e60006ee1844b369cc';
const URL_Q = 'https://qbo.test/v3/company/123/query?query=SELECT%20*%20FROM%20Custmoer&minorversion=75';

function input(status: number, body: string | object, extra: Partial<QboResponseInput> = {}, headers: Record<string, string> = {}): QboResponseInput {
  return {
    status,
    headers: new Headers({ intuit_tid: TID, ...headers }),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    method: 'GET',
    url: URL_Q,
    realmId: '123',
    ...extra,
  };
}

describe('fault shapes', () => {
  it('JSON Fault 4001 -> QboQueryError (SystemError) naming the query, with intuit_tid', () => {
    const error = errorFromResponse(input(400, samples.invalidQuery4001, { query: 'SELECT * FROM Custmoer' }));
    expect(error).toBeInstanceOf(QboQueryError);
    expect(error).toBeInstanceOf(SystemError);
    expect(error.message).toContain('"SELECT * FROM Custmoer"');
    expect(error.message).toContain('4001');
    expect(error.message).toContain('invalid context declaration: Custmoer');
    expect(error.message).toContain(`intuit_tid=${TID}`);
    expect(error.qbo).toMatchObject({ status: 400, code: '4001', faultType: 'ValidationFault', intuitTid: TID });
  });

  it('names the query from the URL when not given', () => {
    const error = errorFromResponse(input(400, samples.invalidQuery4001));
    expect(error.message).toContain('SELECT * FROM Custmoer');
  });

  it('gateway lowercase fault with epoch-ms time -> QboAuthError, token fragment redacted', () => {
    const error = errorFromResponse(input(401, samples.gateway401, {}, { 'www-authenticate': 'Bearer realm="Intuit", error="invalid_token"' }));
    expect(error).toBeInstanceOf(QboAuthError);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.qbo).toMatchObject({ status: 401, code: '3200', faultType: 'AUTHENTICATION', intuitTid: TID });
    expect(error.message).toContain(TID);
    expect(error.message).not.toContain('AB01601390262kxzxOlnHYdhtEVRXISU7piPqQrCmmbDN35Yjd');
    expect(error.internalMessage).not.toContain('AB01601390262kxzxOlnHYdhtEVRXISU7piPqQrCmmbDN35Yjd');
  });

  it('XML throttle on 429 -> QboThrottleError (TransientError)', () => {
    const error = errorFromResponse(input(429, samples.throttleXml429, {}, { 'content-type': 'application/xml' }));
    expect(error).toBeInstanceOf(QboThrottleError);
    expect(error).toBeInstanceOf(TransientError);
    expect(error.qbo).toMatchObject({ code: '3001', faultType: 'SERVICE', intuitTid: TID });
    expect(error.message).toContain('ThrottleExceeded');
  });

  it('historic XML throttle on 403 -> QboThrottleError, not an access error', () => {
    const error = errorFromResponse(input(403, samples.throttleXml403));
    expect(error).toBeInstanceOf(QboThrottleError);
    expect(error.qbo.code).toBe('3001');
  });

  it('a bare 429 without a body is a throttle', () => {
    expect(errorFromResponse(input(429, ''))).toBeInstanceOf(QboThrottleError);
  });

  it('HTML 502 page -> QboServerError with the page title', () => {
    const error = errorFromResponse(input(502, samples.html502));
    expect(error).toBeInstanceOf(QboServerError);
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.message).toContain(TID);
  });

  it('truncated JSON in a 200 -> QboServerError (retryable)', () => {
    const outcome = readQboResponse(input(200, '{"QueryResponse":{"Customer":[{"Id":"1","Disp'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(QboServerError);
    expect(outcome.error.message).toMatch(/truncated or invalid JSON/);
  });

  it('a Fault inside a 200 is an error: throttle inside 200 -> QboThrottleError', () => {
    const outcome = readQboResponse(input(200, samples.throttleJson));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(QboThrottleError);
  });

  it('a Fault nested in QueryResponse of a 200 -> mapped by code', () => {
    const body = { QueryResponse: { Fault: samples.invalidQuery4001.Fault }, time: 'x' };
    const outcome = readQboResponse(input(200, body));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(QboQueryError);
  });

  it('a Fault nested in CDCResponse of a 200 is found', () => {
    const body = { CDCResponse: [{ QueryResponse: [{ Fault: { Error: [{ Message: 'x', Detail: 'y', code: '10000' }], type: 'SystemFault' } }] }] };
    const outcome = readQboResponse(input(200, body));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(QboServerError);
  });

  it('a clean 200 is data, and `"fault": null` is not a fault', () => {
    const outcome = readQboResponse(input(200, { ...samples.customerPage, fault: null }));
    expect(outcome.ok).toBe(true);
  });

  it('XML entities are decoded', () => {
    const body = parseBody('<IntuitResponse><Fault type="ValidationFault"><Error code="6000" element="Line"><Message>A &amp; B</Message><Detail>&lt;x&gt;</Detail></Error></Fault></IntuitResponse>');
    expect(body).toEqual({ kind: 'xml', fault: { shape: 'xml', type: 'ValidationFault', errors: [{ code: '6000', message: 'A & B', detail: '<x>', element: 'Line' }] } });
  });
});

describe('fault codes', () => {
  const fault = (code: string, message = 'm', detail = 'd', type = 'ValidationFault') => ({ Fault: { Error: [{ Message: message, Detail: detail, code }], type } });

  it('3100 / 403 ApplicationAuthorizationFailed -> ConfigError about sandbox and realm_id', () => {
    const error = errorFromResponse(input(403, fault('3100', 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403')));
    expect(error).toBeInstanceOf(QboAccessError);
    expect(error.message).toContain('the sandbox flag does not match the credentials or the company is not authorised for this app');
    expect(error.message).toContain('`sandbox`');
    expect(error.message).toContain('realm_id');
    expect(error.message).toContain(TID);
  });

  it('120 -> ConfigError (subscription lacks access), not a refreshable auth error', () => {
    const error = errorFromResponse(input(401, fault('120', 'AuthorizationFailure')));
    expect(error).toBeInstanceOf(QboAccessError);
    expect(error).not.toBeInstanceOf(QboAuthError);
    expect(error.message).toMatch(/subscription/);
  });

  it('6190 -> ConfigError (subscription ended) naming the realm', () => {
    const error = errorFromResponse(input(400, fault('6190', 'Invalid Company Status')));
    expect(error).toBeInstanceOf(QboAccessError);
    expect(error.message).toContain('123');
  });

  it.each([500, 502, 503, 504])('HTTP %i -> QboServerError', (status) => {
    expect(errorFromResponse(input(status, ''))).toBeInstanceOf(QboServerError);
  });

  it('10000 SystemFault on a 400 -> retryable', () => {
    expect(errorFromResponse(input(400, fault('10000', 'An application error has occurred', '', 'SystemFault')))).toBeInstanceOf(QboServerError);
  });

  it.each(['4000', '4002'])('%s -> QboQueryError', (code) => {
    expect(errorFromResponse(input(400, fault(code)))).toBeInstanceOf(QboQueryError);
  });

  it('404 on /companyinfo -> ConfigError mentioning realm_id', () => {
    const error = errorFromResponse(input(404, '', { url: 'https://qbo.test/v3/company/123/companyinfo/123?minorversion=75' }));
    expect(error).toBeInstanceOf(QboAccessError);
    expect(error.message).toContain('realm_id 123');
  });

  it('404 / 610 elsewhere -> SystemError', () => {
    expect(errorFromResponse(input(404, '', { url: 'https://qbo.test/v3/company/123/nope' }))).toBeInstanceOf(QboNotFoundError);
    expect(errorFromResponse(input(400, fault('610', 'Object Not Found')))).toBeInstanceOf(QboNotFoundError);
  });

  it('anything else -> QboFaultError with code, message, detail and element', () => {
    const error = errorFromResponse(input(400, samples.invalidId2030));
    expect(error).toBeInstanceOf(QboFaultError);
    expect(error.message).toContain('fault 2030 on Id Invalid ID: Id should be a valid number. Supplied value:1.5');
    expect(qboContextOf(error)?.code).toBe('2030');
  });

  it('says so when there is no intuit_tid', () => {
    const error = errorFromResponse({ ...input(400, samples.invalidId2030), headers: new Headers() });
    expect(error.qbo.intuitTid).toBeUndefined();
    expect(error.message).not.toContain('intuit_tid');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:45 GMT', () => now)).toBe(45_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

// Every classification path quotes QuickBooks: the fault code, its Message and its Detail. Texts are
// the recorded ones where a recording exists (reference/qbo-samples/fault_*_real.json, QB-Ruby XML
// fixtures) and Intuit's error-code tables otherwise (QBO-API.md section 6.2).
describe('every error path names the fault code and QuickBooks detail', () => {
  const entry = (code: string, Message: string, Detail: string, type = 'ValidationFault') => ({ Fault: { Error: [{ Message, Detail, code }], type } });
  const cases: Array<[string, number, string, string, string, new (...args: never[]) => Error, Partial<QboResponseInput>?]> = [
    ['throttle', 429, '3001', 'message=ThrottleExceeded; errorCode=003001; statusCode=429', 'The request limit was reached.  Try again later', QboThrottleError],
    ['subscription lacks access', 401, '120', 'Authorization Failure', 'AuthorizationFailure: -11014-You do not have access to use QuickBooks Online Plus.', QboAccessError],
    ['app not authorised for the company', 403, '3100', 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403', 'The application is not authorized to access this company', QboAccessError],
    ['subscription ended', 400, '6190', 'Invalid Company Status', 'The subscription period has ended or been canceled, or there was a billing problem', QboAccessError],
    ['token rejected', 401, '3200', 'message=AuthenticationFailed; errorCode=003200; statusCode=401', 'Token expired: ****', QboAuthError],
    ['server fault', 500, '10000', 'An application error has occurred while processing your request', 'System Failure Error: An unexpected error occurred', QboServerError],
    ['bad query', 400, '4001', 'Invalid query', 'QueryValidationError: invalid context declaration: Custmoer', QboQueryError],
    ['query parse error', 400, '4000', 'Error parsing query', 'QueryParserError: Encountered " <EOF>', QboQueryError],
    ['query processing error', 400, '4002', 'Error processing query', 'QueryProcessingError: To email address entered is invalid', QboQueryError],
    ['feature not supported', 400, '5030', 'Feature Not Supported', 'Requested feature is not supported.', QboFaultError],
    ['feature not entitled', 400, '5020', 'You do not have permission to access this feature.', 'You have issued a request against a feature for which your product is not entitled.', QboFaultError],
    ['unknown company', 400, '610', 'Object Not Found', 'Object Not Found : Something you are trying to use has been made inactive.', QboAccessError, { url: 'https://qbo.test/v3/company/123/companyinfo/123' }],
    ['object not found', 400, '610', 'Object Not Found', 'Object Not Found : Another user has deleted this transaction.', QboNotFoundError],
    ['any other fault', 400, '6000', 'A business validation error has occurred while processing your request', 'Business Validation Error: You must set a transaction amount.', QboFaultError],
  ];
  it.each(cases)('%s (HTTP %i, fault %s)', (_name, status, code, message, detail, kind, extra) => {
    const error = errorFromResponse(input(status, entry(code, message, detail), extra ?? {}));
    expect(error).toBeInstanceOf(kind);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).toContain(`fault ${code} ${message}: ${detail}`);
    expect(error.qbo.code).toBe(code);
  });

  it('the same in XML bodies', () => {
    const error = errorFromResponse(input(429, samples.throttleXml429));
    expect(error.message).toContain('fault 3001 message=ThrottleExceeded; errorCode=003001; statusCode=429: The request limit was reached.  Try again later');
  });

  it('a fault whose detail carries a token fragment names the code, not the token', () => {
    const error = errorFromResponse(input(401, samples.gateway401));
    expect(error.message).toContain('fault 3200 message=AuthenticationFailed; errorCode=003200; statusCode=401: Token expired: ****');
  });

  it('answers without a Fault name the status and what came instead', () => {
    expect(errorFromResponse(input(502, samples.html502)).message).toContain('HTTP 502, HTML page "502 Bad Gateway"');
    expect(errorFromResponse(input(503, '')).message).toContain('HTTP 503, empty body');
    expect(errorFromResponse(input(404, '', { url: 'https://qbo.test/v3/company/123/nope' })).message).toContain('HTTP 404, empty body');
    const truncated = readQboResponse(input(200, '{"QueryResponse":{"Cu'));
    expect(truncated.ok ? '' : truncated.error.message).toMatch(/HTTP 200, truncated or invalid JSON/);
  });

  it('5030 / 5020 say the company lacks the feature and what to do', () => {
    const error = errorFromResponse(input(400, entry('5030', 'Feature Not Supported', 'Requested feature is not supported.')));
    expect(error.message).toMatch(/lacks the feature .*Deselect the stream, or turn the feature on in QuickBooks/);
  });
});
