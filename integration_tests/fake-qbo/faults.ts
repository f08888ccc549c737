// QBO fault bodies, shaped like the recorded ones (reference/qbo-samples/fault_*). Two families exist: the
// PascalCase `Fault` of the API and the camelCase `fault` of the auth gateway (401, epoch-ms time).

export interface FaultError {
  Message: string;
  Detail: string;
  code: string;
  element?: string;
}

/** A fault the handlers throw; the server turns it into a response. */
export class QboFault extends Error {
  constructor(
    readonly status: number,
    readonly error: FaultError,
    readonly type: string = 'ValidationFault',
  ) {
    super(`${error.code} ${error.Message}: ${error.Detail}`);
  }
}

export function faultBody(error: FaultError, type: string, time: string | undefined): string {
  const body: Record<string, unknown> = { Fault: { Error: [error], type } };
  if (time !== undefined) body.time = time;
  return JSON.stringify(body);
}

export const queryFault = (detail: string): QboFault =>
  new QboFault(400, { Message: 'Invalid query', Detail: `QueryValidationError: ${detail}`, code: '4001' });

export const parseFault = (detail: string): QboFault =>
  new QboFault(400, { Message: 'Error parsing query', Detail: `QueryParserError: ${detail}`, code: '4000' });

export const notFoundFault = (): QboFault =>
  new QboFault(400, {
    Message: 'Object Not Found',
    Detail:
      "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
    code: '610',
    element: '',
  });

export const unsupportedOperation = (path: string): QboFault =>
  new QboFault(400, {
    Message: 'Unsupported Operation',
    Detail: `Operation Could not find resource for relative : ${path} of full path: https://fake-qbo.local${path} is not supported.`,
    code: '500',
  });

export const systemFault = (): QboFault =>
  new QboFault(
    500,
    {
      Message: 'An application error has occurred while processing your request',
      Detail: 'System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again.',
      code: '10000',
    },
    'SystemFault',
  );

export const throttleError: FaultError = {
  Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
  Detail: 'The request limit was reached.  Try again later',
  code: '3001',
};

export const authorizationFault = (): QboFault =>
  new QboFault(
    403,
    {
      Message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
      Detail: 'The application is not authorized to access this company (realm).',
      code: '3100',
    },
    'AUTHORIZATION',
  );

/** The gateway's 401 body (camelCase, epoch-ms time), as in fault_401_token_expired_3200_real.json. */
export function authenticationFailedBody(detail: string, nowMs: number): string {
  return JSON.stringify({
    warnings: null,
    intuitObject: null,
    fault: {
      error: [
        { message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail, code: '3200', element: null },
      ],
      type: 'AUTHENTICATION',
    },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: nowMs,
    status: null,
    cdcresponse: [],
  });
}

/** The XML throttle body of the Ruby fixture (too_many_requests_error.xml). */
export function xmlThrottleBody(time: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="${time}">` +
    '<Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>' +
    '<Detail>The request limit was reached.  Try again later</Detail></Error></Fault></IntuitResponse>'
  );
}

/** nginx's error page, as a gateway returns it for 502/504. */
export function nginxPage(status: number, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
