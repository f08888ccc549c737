// Report endpoint of the fake QBO server. Owned by the reports work; the server routes /reports/{name} here.
import type { JsonObject } from '../../../src/cdk/protocol.js';

/** Entities of the fake company, by QBO entity name (e.g. "Invoice"), as the server currently holds them. */
export type EntitySource = (entity: string) => Iterable<JsonObject>;

export type ReportAnswer = { status: number; body: JsonObject };

/** Answer GET /reports/{name}?{params}; unknown reports get QBO's 400 fault. */
export function handleReport(name: string, _params: URLSearchParams, _entities: EntitySource): ReportAnswer {
  return {
    status: 400,
    body: {
      Fault: {
        Error: [{ Message: 'Unsupported Operation', Detail: `Operation reports/${name} is not supported.`, code: '500' }],
        type: 'ValidationFault',
      },
      time: new Date().toISOString(),
    },
  };
}
