// The rules table (src/qbo/fault-rules.ts): every row is reachable and is the first match for an
// answer meant for it, what a row says (class, retry, failure_type) is what its error carries, and
// the real fault bodies of test/fixtures/faults are classified as they always were.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswer, type QboResponseInput } from '../../src/qbo/fault-parser.js';
import { FAULT_RULES, ruleFor } from '../../src/qbo/fault-rules.js';
import { errorFromResponse, readQboResponse } from '../../src/qbo/faults.js';
import { QboAuthError, QboFaultError, QboQueryError, QboThrottleError } from '../../src/qbo/qbo-errors.js';

const QUERY_URL = 'https://qbo.test/v3/company/123/query?query=SELECT%20*%20FROM%20Invoice';
const COMPANY_URL = 'https://qbo.test/v3/company/123/companyinfo/123';

function input(status: number, body: string | object = '', url = QUERY_URL): QboResponseInput {
  return { status, headers: new Headers(), bodyText: typeof body === 'string' ? body : JSON.stringify(body), method: 'GET', url, realmId: '123' };
}
const fault = (code: string, Message = 'm', Detail = 'd', type = 'ValidationFault') => ({ Fault: { Error: [{ Message, Detail, code }], type } });

/** One answer per row, meant for that row: each must be the first row that matches it. */
const FOR_ROW: Record<string, QboResponseInput[]> = {
  throttled: [input(429), input(403, fault('3001')), input(400, fault('9', 'message=ThrottleExceeded'))],
  'subscription lacks access (120)': [input(401, fault('120'))],
  'app not authorised for the company (3100)': [input(403, fault('3100')), input(403, fault('9', 'message=ApplicationAuthorizationFailed'))],
  'subscription ended (6190)': [input(400, fault('6190'))],
  'access token rejected (401, 3200)': [input(401), input(400, fault('3200'))],
  'server error (5xx, 10000, SystemFault)': [input(503), input(400, fault('10000')), input(400, fault('9', 'm', 'd', 'SystemFault'))],
  'unreadable success': [input(200, '{"QueryResponse":{"Cu'), input(200, '<html><title>ok</title></html>'), input(200, '')],
  'query rejected (4000-4002)': [input(400, fault('4000')), input(400, fault('4001')), input(400, fault('4002'))],
  'feature missing (5030, 5020)': [input(400, fault('5030')), input(400, fault('5020'))],
  'unknown company (404, 610 on companyinfo)': [input(404, '', COMPANY_URL), input(400, fault('610'), COMPANY_URL)],
  'not found (404, 610)': [input(404), input(400, fault('610'))],
  'any other fault': [input(400, fault('6000')), input(400, 'plain text'), input(409)],
};

describe('the rules table', () => {
  it('names each row once, and the last row matches everything', () => {
    const names = FAULT_RULES.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(FOR_ROW).sort()).toEqual([...names].sort());
    expect(FAULT_RULES.at(-1)?.match(parseAnswer(input(418)), input(418))).toBe(true);
  });

  it.each(FAULT_RULES.map((row) => [row.name, row] as const))('%s: reachable, and its error says what the row says', (name, row) => {
    const answers = FOR_ROW[name] ?? [];
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(ruleFor(parseAnswer(answer), answer).name).toBe(name);
      const error = errorFromResponse(answer);
      expect(error).toBeInstanceOf(row.error);
      expect(error.failureType).toBe(row.failureType);
      expect(error.qbo.retry).toBe(row.retry);
      expect(error.message).toContain(`HTTP ${answer.status}`);
    }
  });

  it('a throttle is a throttle whatever else the answer says (the first row wins)', () => {
    const answer = input(401, { Fault: { Error: [{ Message: 'x', Detail: 'y', code: '3200' }, { Message: 'z', Detail: 'w', code: '3001' }] } });
    expect(ruleFor(parseAnswer(answer), answer).name).toBe('throttled');
  });

  it('retry is what the row says, and only throttles, server errors and unreadable successes are retried', () => {
    const retried = FAULT_RULES.filter((row) => row.retry).map((row) => row.name);
    expect(retried).toEqual(['throttled', 'server error (5xx, 10000, SystemFault)', 'unreadable success']);
  });
});

describe('real fault bodies (test/fixtures/faults)', () => {
  const dir = new URL('../fixtures/faults/', import.meta.url);
  const expected: Record<string, { error: new (...args: never[]) => Error; retry: boolean; code: string }> = {
    'fault_400_duplicate_name_6240_real.json': { error: QboFaultError, retry: false, code: '6240' },
    'fault_400_invalid_id_2030_real.json': { error: QboFaultError, retry: false, code: '2030' },
    'fault_400_invalid_query_4001_real.json': { error: QboQueryError, retry: false, code: '4001' },
    // Fault code 500 on an HTTP 400 is a bad path, not a server error.
    'fault_400_unsupported_operation_500_real.json': { error: QboFaultError, retry: false, code: '500' },
    'fault_400_unsupported_property_2010_real.json': { error: QboFaultError, retry: false, code: '2010' },
    'fault_401_token_expired_3200_real.json': { error: QboAuthError, retry: false, code: '3200' },
    'fault_403_throttle_3001_ruby_fixture.xml': { error: QboThrottleError, retry: true, code: '3001' },
    'fault_429_throttle_3001_ruby_fixture.xml': { error: QboThrottleError, retry: true, code: '3001' },
  };

  it('every sample has an expectation', () => {
    expect(readdirSync(dir).filter((name) => name.startsWith('fault_')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s: with its own status and inside an HTTP 200', (file, want) => {
    const body = readFileSync(new URL(file, dir), 'utf8');
    const status = Number(file.split('_')[1]);
    for (const answer of [input(status, body), input(200, body)]) {
      const outcome = readQboResponse(answer);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toBeInstanceOf(want.error);
      expect(outcome.error.qbo.retry).toBe(want.retry);
      expect(outcome.error.qbo.code).toBe(want.code);
    }
  });
});
