// schemas/reports/<stream>.json: the committed copies of the report schemas the registry builds
// (src/streams/reports/report-schema.ts), written by `npm run gen`.
import { REPORTS } from '../src/streams/reports/report-registry.js';
import { buildReportSchema } from '../src/streams/reports/report-schema.js';

export function reportSchemaFiles(): Map<string, string> {
  return new Map(REPORTS.map((def) => [`schemas/reports/${def.stream}.json`, `${JSON.stringify(buildReportSchema(def), null, 2)}\n`]));
}
